package vn.dti.tracker.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import vn.dti.tracker.common.Entities;

/**
 * Counts failed sign-ins in the database (table {@code sign_in_throttle}), so that every instance sees the same
 * counts. Two counts make a caller wait: the failures of one name from one address (a few are free, then each
 * wait doubles up to the lock duration), and the failures from one address across every name (past a limit in
 * a window, the address waits for the window's end). Neither depends on whether the name belongs to an account,
 * and neither touches the account: a stranger elsewhere cannot lock its owner out.
 */
@ApplicationScoped
public class SignInThrottle {

    /** The name under which an address's failures across all names are counted. */
    static final String ANY_NAME = "";

    /** Why an attempt has to wait, and until when. */
    public record Block(Scope scope, OffsetDateTime until) {
    }

    public enum Scope {
        /** This name from this address. */
        NAME_AND_ADDRESS,
        /** This address, whatever the name. */
        ADDRESS
    }

    /** After a failure: the counts, and the waits it starts (null when none). */
    public record Failure(int nameFailures, OffsetDateTime nameBlockedUntil, int addressFailures, OffsetDateTime addressBlockedUntil) {
    }

    private final EntityManager em;
    private final AuthSettings settings;

    public SignInThrottle(EntityManager em, AuthSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** The longest wait now in force for this name from this address, if any. */
    public Optional<Block> blocked(String name, String address, OffsetDateTime now) {
        List<Tuple> rows = em.createNativeQuery("""
                select account_name, blocked_until from sign_in_throttle
                where client_ip = :ip and account_name in (:name, :any) and blocked_until > :now""", Tuple.class)
                .setParameter("ip", address).setParameter("name", name).setParameter("any", ANY_NAME).setParameter("now", now)
                .getResultList();
        Block longest = null;
        for (Tuple row : rows) {
            OffsetDateTime until = Entities.utc(row.get("blocked_until"));
            Scope scope = ANY_NAME.equals(row.get("account_name", String.class)) ? Scope.ADDRESS : Scope.NAME_AND_ADDRESS;
            if (longest == null || until.isAfter(longest.until())) {
                longest = new Block(scope, until);
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts one failure of the name and of the address; each count is one atomic statement, whichever instance runs it. */
    public Failure failed(String name, String address, OffsetDateTime now) {
        AuthSettings.Lockout lockout = settings.lockout();
        AuthSettings.AddressLimit limit = settings.addressLimit();
        Tuple pair = count(name, address, now, "t.last_failure_at < :forget", now.minus(lockout.forgetAfter()));
        int nameFailures = pair.get("failures", Integer.class);
        OffsetDateTime nameUntil = waitAfter(lockout, nameFailures, now);
        block(name, address, nameUntil);
        Tuple any = count(ANY_NAME, address, now, "t.first_failure_at < :forget", now.minus(limit.window()));
        int addressFailures = any.get("failures", Integer.class);
        OffsetDateTime addressUntil = addressBlockedUntil(limit, addressFailures, Entities.utc(any.get("first_failure_at")));
        block(ANY_NAME, address, addressUntil);
        em.createNativeQuery("delete from sign_in_throttle where last_failure_at < :before and coalesce(blocked_until, last_failure_at) < :now")
                .setParameter("before", now.minus(max(lockout.forgetAfter(), limit.window()))).setParameter("now", now).executeUpdate();
        return new Failure(nameFailures, nameUntil, addressFailures, addressUntil);
    }

    /** A success from this address starts the name's count there again; the address's own count stays. */
    public void succeeded(String name, String address) {
        em.createNativeQuery("delete from sign_in_throttle where account_name = :name and client_ip = :ip")
                .setParameter("name", name).setParameter("ip", address).executeUpdate();
    }

    /** A new password (or a reset by an administrator) ends every wait of the name, from every address. */
    public void forget(String name) {
        em.createNativeQuery("delete from sign_in_throttle where account_name = :name").setParameter("name", name).executeUpdate();
    }

    /** For each of these names that has to wait from some address now, the end of its longest wait. */
    public Map<String, OffsetDateTime> blockedNames(Collection<String> names, OffsetDateTime now) {
        Map<String, OffsetDateTime> blocked = new HashMap<>();
        if (names.isEmpty()) {
            return blocked;
        }
        List<Tuple> rows = em.createNativeQuery("""
                select account_name, max(blocked_until) as blocked_until from sign_in_throttle
                where account_name in (:names) and blocked_until > :now group by account_name""", Tuple.class)
                .setParameter("names", names).setParameter("now", now).getResultList();
        rows.forEach(row -> blocked.put(row.get("account_name", String.class), Entities.utc(row.get("blocked_until"))));
        return blocked;
    }

    private Tuple count(String name, String address, OffsetDateTime now, String startAgain, OffsetDateTime forget) {
        return (Tuple) em.createNativeQuery("""
                insert into sign_in_throttle as t (account_name, client_ip, failures, first_failure_at, last_failure_at)
                values (:name, :ip, 1, :now, :now)
                on conflict (account_name, client_ip) do update set
                    failures = case when %1$s then 1 else t.failures + 1 end,
                    first_failure_at = case when %1$s then :now else t.first_failure_at end,
                    blocked_until = case when %1$s then null else t.blocked_until end,
                    last_failure_at = :now
                returning failures, first_failure_at""".formatted(startAgain), Tuple.class)
                .setParameter("name", name).setParameter("ip", address).setParameter("now", now).setParameter("forget", forget)
                .getSingleResult();
    }

    private void block(String name, String address, OffsetDateTime until) {
        if (until != null) {
            em.createNativeQuery("update sign_in_throttle set blocked_until = :until where account_name = :name and client_ip = :ip")
                    .setParameter("until", until).setParameter("name", name).setParameter("ip", address).executeUpdate();
        }
    }

    /** Failures beyond the free ones each wait twice as long as the last, up to the lock duration; null while free. */
    static OffsetDateTime waitAfter(AuthSettings.Lockout lockout, int failures, OffsetDateTime now) {
        if (failures < lockout.freeAttempts()) {
            return null;
        }
        int doublings = Math.min(failures - lockout.freeAttempts(), 30);
        Duration wait = lockout.firstDelay().multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(lockout.lockDuration()) > 0 ? lockout.lockDuration() : wait);
    }

    /** An address that reached the limit waits until its window ends; null while under it. */
    static OffsetDateTime addressBlockedUntil(AuthSettings.AddressLimit limit, int failures, OffsetDateTime windowStart) {
        return failures < limit.failures() ? null : windowStart.plus(limit.window());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
