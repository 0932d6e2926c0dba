-- The reporting rules in SQL. Their one definition is vn.dti.tracker.reporting.ReportingRules (see its Javadoc);
-- these functions are its SQL form, used by every list that is computed in the database (what is due, the
-- consolidated report's timeliness, reminders, the export). ReportingRulesSqlTest checks that both forms give
-- the same answer on a table of cases. Each is a single SQL expression, so the planner inlines it.

-- Ngày hiệu lực: a plan may state the day it takes effect; without one it takes effect on its issue date.
ALTER TABLE plan ADD COLUMN effective_date date;
ALTER TABLE plan ADD CONSTRAINT plan_effective_within_years
    CHECK (effective_date IS NULL OR extract(year FROM effective_date) BETWEEN start_year AND end_year);

-- The day a plan takes effect: the date it states, else its issue date (null for a draft without one).
CREATE FUNCTION reporting_effective_from(issue_date date, effective_date date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(effective_date, issue_date) $$;

-- A period is due when its plan is in force (issued: not a draft, not closed) and the period ends on or after the
-- day the plan takes effect.
CREATE FUNCTION reporting_period_due(plan_status varchar, issue_date date, effective_date date, period_ends_on date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(plan_status = 'ISSUED' AND period_ends_on >= coalesce(effective_date, issue_date), false) $$;

-- A report stands as sent while it is submitted (waiting for review) or accepted.
CREATE FUNCTION reporting_stands_submitted(report_state varchar) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(report_state IN ('SUBMITTED', 'ACCEPTED'), false) $$;

-- Quá hạn: a lead assignment of a due period whose deadline day has ended (today, in Vietnam, is after it) and whose
-- report is not currently submitted or accepted (none, a draft, or returned).
CREATE FUNCTION reporting_overdue(due boolean, role varchar, unit_deadline date, report_state varchar, today date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(due AND role = 'LEAD' AND today > unit_deadline AND NOT reporting_stands_submitted(report_state), false) $$;

-- Gửi muộn: a report of a due period whose submission that stands (the latest, submitted_at) came on a day, in
-- Vietnam, after the deadline day.
CREATE FUNCTION reporting_submitted_late(due boolean, report_state varchar, submitted_at timestamptz, unit_deadline date, zone text)
    RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(due AND reporting_stands_submitted(report_state)
                    AND cast(submitted_at AT TIME ZONE zone AS date) > unit_deadline, false) $$;

-- Days late: of an overdue assignment, today minus the deadline; of a report submitted late, the day of the submission
-- that stands minus the deadline; otherwise 0.
CREATE FUNCTION reporting_days_late(due boolean, role varchar, unit_deadline date, report_state varchar, submitted_at timestamptz,
                                    today date, zone text) RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
               WHEN reporting_overdue(due, role, unit_deadline, report_state, today) THEN today - unit_deadline
               WHEN reporting_submitted_late(due, report_state, submitted_at, unit_deadline, zone)
                   THEN cast(submitted_at AT TIME ZONE zone AS date) - unit_deadline
               ELSE 0
           END $$;

COMMENT ON COLUMN plan.effective_date IS 'Ngày hiệu lực, when the plan states one; otherwise the plan takes effect on its issue date';
COMMENT ON FUNCTION reporting_stands_submitted(varchar) IS 'SQL form of ReportingRules.standsSubmitted';
COMMENT ON FUNCTION reporting_period_due(varchar, date, date, date) IS 'SQL form of ReportingRules.due';
COMMENT ON FUNCTION reporting_overdue(boolean, varchar, date, varchar, date) IS 'SQL form of ReportingRules.overdue';
COMMENT ON FUNCTION reporting_submitted_late(boolean, varchar, timestamptz, date, text) IS 'SQL form of ReportingRules.submittedLate';
COMMENT ON FUNCTION reporting_days_late(boolean, varchar, date, varchar, timestamptz, date, text) IS 'SQL form of ReportingRules.daysLate';
