-- The version of a unit's ranks in one framework (targets and results together): what If-Match names when
-- they are replaced, so that a second editor working from an old copy is refused instead of overwriting.
-- A unit without a row is at version 0.
CREATE TABLE dti_rank_version (
    unit_id      uuid        NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    framework_id uuid        NOT NULL REFERENCES dti_framework (id) ON DELETE CASCADE,
    version      bigint      NOT NULL CHECK (version >= 0),
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (unit_id, framework_id)
);
CREATE INDEX dti_rank_version_framework_idx ON dti_rank_version (framework_id);

COMMENT ON TABLE dti_rank_version IS 'Version counter of a unit''s DTI targets and results in a framework (the rank rows themselves are audited)';
