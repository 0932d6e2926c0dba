package vn.dti.tracker.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller may do with a report: each is listed exactly when the call it names would pass the access and state rules. */
@Schema(name = "ReportAction", description = "CREATE (on an assignment without a report): start it; EDIT: save new content; SUBMIT: send for review; ACCEPT, RETURN: review a submitted report;"
        + " REOPEN: send an accepted report back to its unit; ATTACH_EVIDENCE, DETACH_EVIDENCE: change its evidence."
        + " A listed SUBMIT may still be refused for missing content (report.incomplete), which the form shows.")
public enum ReportAction {
    CREATE, EDIT, SUBMIT, ACCEPT, RETURN, REOPEN, ATTACH_EVIDENCE, DETACH_EVIDENCE
}
