package vn.dti.tracker.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import vn.dti.tracker.common.Entities;

/**
 * The time the reporting cycle runs on: deadlines, lateness and reminders all read it here, so that a
 * test can stand on the day before or after a deadline. In production it is the system clock.
 */
@ApplicationScoped
public class ReportingClock {

    private final ZoneId zone;
    private volatile Clock clock;

    public ReportingClock(ReportingSettings settings) {
        this.zone = settings.zone();
        this.clock = Clock.system(zone);
    }

    /** Now; for start-up work that writes the past ({@link Entities#asOf}), the moment it is written as of. */
    public Instant now() {
        Instant past = Entities.pastMoment();
        return past != null ? past : clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return dayOf(now());
    }

    /** The instant a deadline day ends in Vietnam: a submission before it is on time. */
    public Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone).toInstant();
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Stands the cycle still at one instant (tests of deadlines); {@link #useSystemClock()} undoes it. */
    public void fixAt(Instant instant) {
        clock = Clock.fixed(instant, zone);
    }

    public void useSystemClock() {
        clock = Clock.system(zone);
    }
}
