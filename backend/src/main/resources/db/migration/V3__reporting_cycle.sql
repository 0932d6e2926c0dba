-- The reporting cycle: periods derived from each plan's regime, unit reports with their review, and the
-- consolidated report sent up. Every table carries the audit trigger, which is also each report's history.

-- A deadline on a weekend or a configured holiday may move to the previous working day (a plan setting).
ALTER TABLE plan ADD COLUMN deadline_shift varchar(24) NOT NULL DEFAULT 'NONE'
    CHECK (deadline_shift IN ('NONE', 'PREVIOUS_WORKING_DAY'));

-- Kỳ báo cáo: generated from the plan's frequency, years and report days, never typed by hand.
-- A period is closed when the coordinator sends the consolidated report up.
CREATE TABLE reporting_period (
    id                     uuid PRIMARY KEY,
    plan_id                uuid        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    period_key             varchar(16) NOT NULL CHECK (period_key ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4]|-H[12])?$'),
    kind                   varchar(16) NOT NULL CHECK (kind IN ('MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR')),
    year                   integer     NOT NULL,
    seq                    integer     NOT NULL CHECK (seq BETWEEN 1 AND 12),
    starts_on              date        NOT NULL,
    ends_on                date        NOT NULL,
    unit_deadline          date        NOT NULL,
    consolidation_deadline date        NOT NULL,
    sent_up_at             timestamptz,
    sent_up_by             uuid REFERENCES app_user (id),
    sent_up_by_name        text,
    sent_up_note           text,
    version                bigint      NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT reporting_period_key_unique UNIQUE (plan_id, period_key),
    CONSTRAINT reporting_period_dates CHECK (ends_on >= starts_on AND consolidation_deadline >= unit_deadline),
    CONSTRAINT reporting_period_sent_up_complete CHECK ((sent_up_at IS NULL) = (sent_up_by_name IS NULL))
);
CREATE INDEX reporting_period_plan_idx ON reporting_period (plan_id, starts_on);
CREATE INDEX reporting_period_deadline_idx ON reporting_period (unit_deadline);

-- Báo cáo kết quả: one unit's result on one indicator or task for one period.
CREATE TABLE report (
    id                 uuid PRIMARY KEY,
    period_id          uuid          NOT NULL REFERENCES reporting_period (id),
    plan_id            uuid          NOT NULL REFERENCES plan (id),
    indicator_id       uuid REFERENCES indicator (id),
    task_id            uuid REFERENCES task (id),
    unit_id            uuid          NOT NULL REFERENCES org_unit (id),
    role               varchar(16)   NOT NULL CHECK (role IN ('LEAD', 'COOPERATING')),
    state              varchar(16)   NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    value_number       numeric(20, 6) CHECK (value_number IS NULL OR value_number >= 0),
    numerator          numeric(20, 6) CHECK (numerator IS NULL OR numerator >= 0),
    denominator        numeric(20, 6) CHECK (denominator IS NULL OR denominator > 0),
    met                boolean,
    rank               integer CHECK (rank IS NULL OR rank >= 1),
    rank_out_of        integer CHECK (rank_out_of IS NULL OR rank_out_of >= 1),
    milestone_text     text,
    progress           varchar(16) CHECK (progress IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED')),
    achievements       text,
    difficulties       text,
    proposals          text,
    review_comment     text,
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by_name  text,
    reviewed_at        timestamptz,
    reviewed_by_name   text,
    reopen_reason      text,
    version            bigint        NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT report_one_item CHECK ((indicator_id IS NULL) <> (task_id IS NULL)),
    CONSTRAINT report_fraction_whole CHECK ((numerator IS NULL) = (denominator IS NULL)),
    CONSTRAINT report_rank_within CHECK (rank IS NULL OR rank_out_of IS NULL OR rank <= rank_out_of),
    CONSTRAINT report_submitted_stamped CHECK (state = 'DRAFT' OR first_submitted_at IS NOT NULL),
    CONSTRAINT report_reviewed_stamped CHECK (state NOT IN ('ACCEPTED', 'RETURNED') OR reviewed_at IS NOT NULL)
);
CREATE UNIQUE INDEX report_indicator_unique ON report (indicator_id, period_id, unit_id) WHERE indicator_id IS NOT NULL;
CREATE UNIQUE INDEX report_task_unique ON report (task_id, period_id, unit_id) WHERE task_id IS NOT NULL;
CREATE INDEX report_unit_idx ON report (unit_id, period_id);
CREATE INDEX report_period_idx ON report (period_id, state);
CREATE INDEX report_plan_idx ON report (plan_id, period_id);
CREATE INDEX report_updated_idx ON report (updated_at);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reporting_period FOR EACH ROW EXECUTE FUNCTION audit_row_change('plan', 'plan_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'unit_id', 'id');

-- Who must report what in each period: every indicator's lead and cooperating units, every task's units
-- in the periods of its timeframe. The lead unit's report is the one that counts.
CREATE VIEW assignment AS
    SELECT p.id AS period_id, p.plan_id, 'INDICATOR'::varchar(16) AS item_kind, i.id AS item_id,
           i.lead_unit_id AS unit_id, 'LEAD'::varchar(16) AS role
      FROM reporting_period p JOIN indicator i ON i.plan_id = p.plan_id
    UNION ALL
    SELECT p.id, p.plan_id, 'INDICATOR', i.id, c.unit_id, 'COOPERATING'
      FROM reporting_period p JOIN indicator i ON i.plan_id = p.plan_id
      JOIN indicator_cooperating_unit c ON c.indicator_id = i.id
    UNION ALL
    SELECT p.id, p.plan_id, 'TASK', t.id, tu.unit_id, tu.role
      FROM reporting_period p JOIN task t ON t.plan_id = p.plan_id
      JOIN task_unit tu ON tu.task_id = t.id
     WHERE t.timeframe_kind = 'ONGOING' OR p.year BETWEEN t.timeframe_start_year AND t.timeframe_end_year;
