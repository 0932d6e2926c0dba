package vn.dti.tracker.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller may do with a reporting period: listed exactly when the call would pass the access and state rules. */
@Schema(name = "PeriodAction", description = "SEND_UP: send the period's consolidated report up, closing the period")
public enum PeriodAction {
    SEND_UP
}
