package vn.dti.tracker.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reporting cycle (deploy/README.md lists them with their environment names). */
@ConfigMapping(prefix = "dti.reporting")
public interface ReportingSettings {

    /** Deadlines are days in this time zone; a report sent at 23:59 on the deadline there is on time. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /**
     * Public holidays (ISO dates) on which no deadline falls for plans that move deadlines to the
     * previous working day. Vietnam's holidays follow the lunar calendar and yearly decisions, so they
     * are configured, not computed.
     */
    Optional<List<LocalDate>> holidays();

    /** Days before a deadline on which reporters with something still due are reminded. */
    @WithDefault("3,1")
    List<Integer> reminderDaysBefore();
}
