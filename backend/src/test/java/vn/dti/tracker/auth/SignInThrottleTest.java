package vn.dti.tracker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** How long failed sign-ins make a caller wait. */
class SignInThrottleTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    static final AuthSettings.Lockout LOCKOUT = new AuthSettings.Lockout() {
        public int freeAttempts() { return 3; }
        public Duration firstDelay() { return Duration.ofSeconds(2); }
        public Duration lockDuration() { return Duration.ofMinutes(15); }
        public Duration forgetAfter() { return Duration.ofDays(1); }
    };

    static final AuthSettings.AddressLimit ADDRESS = new AuthSettings.AddressLimit() {
        public int failures() { return 20; }
        public Duration window() { return Duration.ofMinutes(15); }
    };

    @Test
    void aNameFromAnAddressWaitsAfterTheFreeAttemptsTwiceAsLongEachTimeUpToTheLock() {
        assertNull(SignInThrottle.waitAfter(LOCKOUT, 1, NOW));
        assertNull(SignInThrottle.waitAfter(LOCKOUT, 2, NOW));
        assertEquals(NOW.plusSeconds(2), SignInThrottle.waitAfter(LOCKOUT, 3, NOW));
        assertEquals(NOW.plusSeconds(4), SignInThrottle.waitAfter(LOCKOUT, 4, NOW));
        assertEquals(NOW.plusSeconds(512), SignInThrottle.waitAfter(LOCKOUT, 11, NOW));
        assertEquals(NOW.plusMinutes(15), SignInThrottle.waitAfter(LOCKOUT, 12, NOW));
        assertEquals(NOW.plusMinutes(15), SignInThrottle.waitAfter(LOCKOUT, 1000, NOW));
    }

    @Test
    void anAddressPastTheLimitWaitsForItsWindowToEnd() {
        OffsetDateTime start = NOW.minusMinutes(5);
        assertNull(SignInThrottle.addressBlockedUntil(ADDRESS, 19, start));
        assertEquals(NOW.plusMinutes(10), SignInThrottle.addressBlockedUntil(ADDRESS, 20, start));
        assertEquals(NOW.plusMinutes(10), SignInThrottle.addressBlockedUntil(ADDRESS, 35, start));
    }
}
