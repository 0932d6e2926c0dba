-- The planning domain: organisation units, plans, indicators, tasks, DTI frameworks and ranks.
-- The database is the last line against bad data: every rule that can be a constraint is one.

CREATE TABLE org_unit (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL,
    name        text         NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
    short_name  text         CHECK (short_name IS NULL OR length(btrim(short_name)) BETWEEN 1 AND 200),
    kind        varchar(32)  NOT NULL CHECK (kind IN ('PROVINCE','COMMUNE','WARD','DEPARTMENT','OFFICE',
                    'SERVICE_CENTER','PUBLIC_SERVICE_UNIT','POLICE','MILITARY','HEALTH_STATION','SCHOOL',
                    'HAMLET','NEIGHBOURHOOD','COMMUNITY_TECH_TEAM','MASS_ORGANISATION','MEDIA','UNIVERSITY',
                    'PARTNER_COMPANY','BANK','UNIT_GROUP')),
    parent_id   uuid REFERENCES org_unit (id),
    -- Materialised path of ids from the root, '/<root>/.../<id>/': subtree queries are one prefix scan.
    path        text         NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    search_text text         NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT org_unit_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,63}$'),
    CONSTRAINT org_unit_code_unique UNIQUE (code),
    CONSTRAINT org_unit_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
    CONSTRAINT org_unit_path_ends_with_id CHECK (path LIKE '%/' || id::text || '/')
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops);
CREATE INDEX org_unit_updated_idx ON org_unit (updated_at);

-- A move that would put a unit under its own subtree is refused here too, not only in Java.
CREATE FUNCTION org_unit_refuse_cycle() RETURNS trigger AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM org_unit p WHERE p.id = NEW.parent_id AND p.path LIKE NEW.path || '%') THEN
        RAISE EXCEPTION 'org unit % cannot be placed under its own subtree', NEW.code
            USING ERRCODE = '23514', CONSTRAINT = 'org_unit_no_cycle';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER org_unit_no_cycle BEFORE INSERT OR UPDATE OF parent_id, path ON org_unit
    FOR EACH ROW EXECUTE FUNCTION org_unit_refuse_cycle();

CREATE TABLE plan (
    id                   uuid PRIMARY KEY,
    code                 varchar(64)  NOT NULL,
    document_number      varchar(100) CHECK (document_number IS NULL OR length(btrim(document_number)) > 0),
    issuing_unit_id      uuid         NOT NULL REFERENCES org_unit (id),
    issue_date           date,
    issue_place          text,
    title                text         NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 1000),
    start_year           integer      NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year             integer      NOT NULL CHECK (end_year BETWEEN 2000 AND 2100),
    status               varchar(16)  NOT NULL CHECK (status IN ('DRAFT','ISSUED','CLOSED')),
    parent_plan_id       uuid REFERENCES plan (id),
    sections             jsonb        NOT NULL DEFAULT '[]',
    signer_name          text,
    signer_title         text,
    recipients           jsonb        NOT NULL DEFAULT '[]',
    report_frequency     varchar(16)  NOT NULL CHECK (report_frequency IN ('MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY')),
    unit_report_day      smallint     NOT NULL CHECK (unit_report_day BETWEEN 1 AND 31),
    consolidation_day    smallint     CHECK (consolidation_day BETWEEN 1 AND 31),
    coordinator_unit_id  uuid         NOT NULL REFERENCES org_unit (id),
    recipient_unit_id    uuid REFERENCES org_unit (id),
    regime_wording       text,
    search_text          text         NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT plan_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,63}$'),
    CONSTRAINT plan_code_unique UNIQUE (code),
    CONSTRAINT plan_years_ordered CHECK (end_year >= start_year AND end_year - start_year <= 20),
    CONSTRAINT plan_not_own_parent CHECK (parent_plan_id IS NULL OR parent_plan_id <> id),
    -- An issued plan has its number and date; only a draft may leave them blank.
    CONSTRAINT plan_issued_has_number CHECK (status = 'DRAFT' OR (document_number IS NOT NULL AND issue_date IS NOT NULL)),
    CONSTRAINT plan_sections_array CHECK (jsonb_typeof(sections) = 'array'),
    CONSTRAINT plan_recipients_array CHECK (jsonb_typeof(recipients) = 'array')
);
CREATE INDEX plan_issuing_unit_idx ON plan (issuing_unit_id);
CREATE INDEX plan_parent_idx ON plan (parent_plan_id);
CREATE INDEX plan_updated_idx ON plan (updated_at);

CREATE FUNCTION plan_refuse_cycle() RETURNS trigger AS $$
BEGIN
    IF NEW.parent_plan_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE up(id, parent_plan_id) AS (
            SELECT id, parent_plan_id FROM plan WHERE id = NEW.parent_plan_id
            UNION
            SELECT p.id, p.parent_plan_id FROM plan p JOIN up ON p.id = up.parent_plan_id)
        SELECT 1 FROM up WHERE up.id = NEW.id) THEN
        RAISE EXCEPTION 'plan % cannot implement itself through its parents', NEW.code
            USING ERRCODE = '23514', CONSTRAINT = 'plan_no_cycle';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER plan_no_cycle BEFORE INSERT OR UPDATE OF parent_plan_id ON plan
    FOR EACH ROW EXECUTE FUNCTION plan_refuse_cycle();

CREATE TABLE plan_legal_basis (
    plan_id            uuid    NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position           integer NOT NULL,
    citation           text    NOT NULL CHECK (length(btrim(citation)) BETWEEN 1 AND 4000),
    referenced_plan_id uuid REFERENCES plan (id),
    PRIMARY KEY (plan_id, position)
);
CREATE INDEX plan_legal_basis_ref_idx ON plan_legal_basis (referenced_plan_id);

CREATE TABLE plan_group (
    id        uuid PRIMARY KEY,
    plan_id   uuid        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    kind      varchar(16) NOT NULL CHECK (kind IN ('INDICATOR','TASK')),
    code      varchar(32) NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name      text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 1000),
    position  integer     NOT NULL CHECK (position >= 1),
    version   bigint      NOT NULL DEFAULT 0,
    CONSTRAINT plan_group_code_unique UNIQUE (plan_id, kind, code),
    CONSTRAINT plan_group_plan_kind_unique UNIQUE (id, plan_id, kind)
);

CREATE TABLE indicator (
    id                    uuid PRIMARY KEY,
    plan_id               uuid        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    code                  varchar(32) NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    group_id              uuid        NOT NULL,
    group_kind            varchar(16) NOT NULL DEFAULT 'INDICATOR' CHECK (group_kind = 'INDICATOR'),
    position              integer     NOT NULL CHECK (position >= 1),
    content               text        NOT NULL CHECK (length(btrim(content)) BETWEEN 1 AND 4000),
    unit_of_measure       text,
    baseline              jsonb,
    -- Exactly one lead unit: a single NOT NULL column, so neither zero nor two can be stored.
    lead_unit_id          uuid        NOT NULL REFERENCES org_unit (id),
    lead_wording          text,
    cooperating_wording   text,
    note                  text,
    captured_as_fraction  boolean     NOT NULL DEFAULT false,
    numerator_label       text,
    denominator_label     text,
    contributes_to_id     uuid REFERENCES indicator (id),
    search_text           text        NOT NULL,
    version               bigint      NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT indicator_code_unique UNIQUE (plan_id, code),
    -- The group must be an indicator group of the same plan.
    CONSTRAINT indicator_group_fk FOREIGN KEY (group_id, plan_id, group_kind)
        REFERENCES plan_group (id, plan_id, kind),
    CONSTRAINT indicator_fraction_labels CHECK (captured_as_fraction OR (numerator_label IS NULL AND denominator_label IS NULL)),
    CONSTRAINT indicator_not_own_contribution CHECK (contributes_to_id IS NULL OR contributes_to_id <> id)
);
CREATE INDEX indicator_plan_idx ON indicator (plan_id, group_id, position);
CREATE INDEX indicator_lead_idx ON indicator (lead_unit_id);
CREATE INDEX indicator_contributes_idx ON indicator (contributes_to_id);
CREATE INDEX indicator_updated_idx ON indicator (updated_at);

CREATE TABLE indicator_cooperating_unit (
    indicator_id uuid    NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    unit_id      uuid    NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (indicator_id, position),
    CONSTRAINT indicator_cooperating_unique UNIQUE (indicator_id, unit_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX indicator_cooperating_unit_idx ON indicator_cooperating_unit (unit_id);

CREATE TABLE indicator_target (
    indicator_id  uuid        NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    year          integer     NOT NULL,
    kind          varchar(16) NOT NULL CHECK (kind IN ('PERCENT','RATIO','COUNT','NUMBER','PASS_FAIL','RANK','LEADING_GROUP','MILESTONE')),
    comparator    varchar(2)  CHECK (comparator IN ('EQ','GE','GT','LE','LT')),
    value         numeric(20, 6),
    per           numeric(20, 6) CHECK (per IS NULL OR per > 0),
    basis         text,
    out_of        integer     CHECK (out_of IS NULL OR out_of > 0),
    text          text,
    qualification text,
    wording       text        NOT NULL CHECK (length(btrim(wording)) BETWEEN 1 AND 1000),
    PRIMARY KEY (indicator_id, year),
    CONSTRAINT target_comparator_by_kind CHECK (
        (kind IN ('PASS_FAIL','MILESTONE') AND comparator IS NULL AND value IS NULL)
        OR (kind NOT IN ('PASS_FAIL','MILESTONE') AND comparator IS NOT NULL AND value IS NOT NULL)),
    CONSTRAINT target_ratio_has_per CHECK ((kind = 'RATIO') = (per IS NOT NULL)),
    CONSTRAINT target_out_of_only_for_ranks CHECK (out_of IS NULL OR kind IN ('RANK','LEADING_GROUP')),
    CONSTRAINT target_milestone_has_text CHECK (kind <> 'MILESTONE' OR length(btrim(text)) > 0),
    CONSTRAINT target_value_not_negative CHECK (value IS NULL OR value >= 0),
    CONSTRAINT target_rank_within_out_of CHECK (kind NOT IN ('RANK','LEADING_GROUP') OR (value >= 1 AND (out_of IS NULL OR value <= out_of)))
);

-- A target year outside the plan's years is refused by the database as well.
CREATE FUNCTION indicator_target_year_in_plan() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM indicator i JOIN plan p ON p.id = i.plan_id
                   WHERE i.id = NEW.indicator_id AND NEW.year BETWEEN p.start_year AND p.end_year) THEN
        RAISE EXCEPTION 'target year % is outside the plan years', NEW.year
            USING ERRCODE = '23514', CONSTRAINT = 'indicator_target_year_in_plan';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER indicator_target_year_in_plan BEFORE INSERT OR UPDATE ON indicator_target
    FOR EACH ROW EXECUTE FUNCTION indicator_target_year_in_plan();

CREATE TABLE task (
    id                   uuid PRIMARY KEY,
    plan_id              uuid        NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    code                 varchar(32) NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    group_id             uuid        NOT NULL,
    group_kind           varchar(16) NOT NULL DEFAULT 'TASK' CHECK (group_kind = 'TASK'),
    position             integer     NOT NULL CHECK (position >= 1),
    description          text        NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 8000),
    product              text,
    timeframe_kind       varchar(16) NOT NULL CHECK (timeframe_kind IN ('YEAR','SPAN','ONGOING')),
    timeframe_start_year integer,
    timeframe_end_year   integer,
    timeframe_wording    text,
    progress             varchar(16) NOT NULL CHECK (progress IN ('NOT_STARTED','IN_PROGRESS','COMPLETED','SUSPENDED')),
    note                 text,
    search_text          text        NOT NULL,
    version              bigint      NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT task_code_unique UNIQUE (plan_id, code),
    CONSTRAINT task_group_fk FOREIGN KEY (group_id, plan_id, group_kind) REFERENCES plan_group (id, plan_id, kind),
    CONSTRAINT task_timeframe_shape CHECK (
        (timeframe_kind = 'ONGOING' AND timeframe_start_year IS NULL AND timeframe_end_year IS NULL)
        OR (timeframe_kind = 'YEAR' AND timeframe_start_year IS NOT NULL AND timeframe_end_year = timeframe_start_year)
        OR (timeframe_kind = 'SPAN' AND timeframe_start_year IS NOT NULL AND timeframe_end_year > timeframe_start_year))
);
CREATE INDEX task_plan_idx ON task (plan_id, group_id, position);
CREATE INDEX task_updated_idx ON task (updated_at);

CREATE TABLE task_unit (
    task_id  uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    position integer     NOT NULL,
    unit_id  uuid        NOT NULL REFERENCES org_unit (id),
    role     varchar(16) NOT NULL CHECK (role IN ('LEAD','COOPERATING')),
    PRIMARY KEY (task_id, position),
    CONSTRAINT task_unit_unique UNIQUE (task_id, unit_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX task_unit_unit_idx ON task_unit (unit_id);

CREATE TABLE dti_framework (
    id         uuid PRIMARY KEY,
    code       varchar(64) NOT NULL,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
    edition    varchar(32) NOT NULL CHECK (length(btrim(edition)) > 0),
    source     text,
    version    bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT dti_framework_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,63}$'),
    CONSTRAINT dti_framework_code_unique UNIQUE (code)
);

CREATE TABLE dti_pillar (
    id              uuid PRIMARY KEY,
    framework_id    uuid          NOT NULL REFERENCES dti_framework (id) ON DELETE CASCADE,
    code            varchar(32)   NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    position        integer       NOT NULL CHECK (position >= 1),
    name            text          NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
    sub_index_count integer       NOT NULL CHECK (sub_index_count >= 1),
    max_points      numeric(10,2) NOT NULL CHECK (max_points > 0),
    CONSTRAINT dti_pillar_code_unique UNIQUE (framework_id, code),
    CONSTRAINT dti_pillar_framework_unique UNIQUE (framework_id, id)
);

-- Ranks of an org unit, per pillar (pillar_id) or for the whole index (pillar_id NULL).
CREATE TABLE dti_rank_target (
    id           uuid PRIMARY KEY,
    unit_id      uuid        NOT NULL REFERENCES org_unit (id),
    framework_id uuid        NOT NULL REFERENCES dti_framework (id),
    pillar_id    uuid,
    year         integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    comparator   varchar(2)  NOT NULL CHECK (comparator IN ('LE','EQ')),
    rank         integer     NOT NULL CHECK (rank >= 1),
    out_of       integer     NOT NULL CHECK (out_of >= rank),
    wording      text,
    plan_id      uuid REFERENCES plan (id) ON DELETE SET NULL,
    CONSTRAINT dti_rank_target_pillar_fk FOREIGN KEY (framework_id, pillar_id) REFERENCES dti_pillar (framework_id, id),
    CONSTRAINT dti_rank_target_unique UNIQUE NULLS NOT DISTINCT (unit_id, framework_id, pillar_id, year)
);
CREATE INDEX dti_rank_target_plan_idx ON dti_rank_target (plan_id);

CREATE TABLE dti_rank_result (
    id           uuid PRIMARY KEY,
    unit_id      uuid          NOT NULL REFERENCES org_unit (id),
    framework_id uuid          NOT NULL REFERENCES dti_framework (id),
    pillar_id    uuid,
    year         integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    score        numeric(10,2) CHECK (score IS NULL OR score >= 0),
    rank         integer       NOT NULL CHECK (rank >= 1),
    out_of       integer       NOT NULL CHECK (out_of >= rank),
    source       text,
    plan_id      uuid REFERENCES plan (id) ON DELETE SET NULL,
    CONSTRAINT dti_rank_result_pillar_fk FOREIGN KEY (framework_id, pillar_id) REFERENCES dti_pillar (framework_id, id),
    CONSTRAINT dti_rank_result_unique UNIQUE NULLS NOT DISTINCT (unit_id, framework_id, pillar_id, year)
);
CREATE INDEX dti_rank_result_plan_idx ON dti_rank_result (plan_id);
