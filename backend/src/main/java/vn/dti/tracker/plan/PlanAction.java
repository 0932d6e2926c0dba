package vn.dti.tracker.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller may do with a plan: each is listed exactly when the call it names would pass the access and state rules. */
@Schema(name = "PlanAction", description = "EDIT: change the plan, its groups, indicators and tasks; ISSUE: move a draft to ISSUED;"
        + " CLOSE: move an issued plan to CLOSED; DELETE: delete a draft; IMPORT_APPENDIX: import its appendix from a sheet;"
        + " CREATE_REPORT: start a report of the caller's own unit on one of its items")
public enum PlanAction {
    EDIT, ISSUE, CLOSE, DELETE, IMPORT_APPENDIX, CREATE_REPORT
}
