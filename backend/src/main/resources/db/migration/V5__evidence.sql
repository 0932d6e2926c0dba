-- Tài liệu kiểm chứng: the documents that prove reported results. File content is stored once per
-- SHA-256 (content-addressed) and referenced by as many evidence records as carry it; evidence is
-- attached to reports. A stored file row exists exactly while its content is in storage.

CREATE TABLE stored_file (
    sha256     varchar(64)  PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes bigint       NOT NULL CHECK (size_bytes > 0),
    media_type varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL
);

CREATE TABLE evidence (
    id               uuid PRIMARY KEY,
    kind             varchar(8)   NOT NULL CHECK (kind IN ('FILE', 'LINK')),
    title            varchar(500) NOT NULL CHECK (length(btrim(title)) > 0),
    doc_number       varchar(100),
    doc_date         date,
    issuer           varchar(500),
    summary          text,
    file_name        varchar(255),
    sha256           varchar(64) REFERENCES stored_file (sha256),
    media_type       varchar(255),
    size_bytes       bigint,
    url              varchar(2000),
    owner_unit_id    uuid        NOT NULL REFERENCES org_unit (id),
    uploaded_by      uuid,
    uploaded_by_name text,
    -- Set while nothing references the evidence; the sweep removes it once this is older than the grace period.
    unattached_since timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT evidence_file_complete CHECK ((kind = 'FILE') = (sha256 IS NOT NULL AND file_name IS NOT NULL
                                              AND media_type IS NOT NULL AND size_bytes IS NOT NULL)),
    CONSTRAINT evidence_link_complete CHECK ((kind = 'LINK') = (url IS NOT NULL)),
    CONSTRAINT evidence_link_scheme CHECK (url IS NULL OR url ~* '^https?://')
);
CREATE INDEX evidence_sha256_idx ON evidence (sha256);
CREATE INDEX evidence_owner_idx ON evidence (owner_unit_id, created_at DESC);
CREATE INDEX evidence_uploader_idx ON evidence (uploaded_by);
CREATE INDEX evidence_unattached_idx ON evidence (unattached_since) WHERE unattached_since IS NOT NULL;
CREATE INDEX evidence_updated_idx ON evidence (updated_at);

-- One piece of evidence proves several reports (one decision, several indicators). The report's unit is
-- kept with the link, tied to the report by a composite key, so that the unit's scope is one join away.
ALTER TABLE report ADD CONSTRAINT report_id_unit_unique UNIQUE (id, unit_id);
CREATE TABLE report_evidence (
    report_id        uuid        NOT NULL,
    unit_id          uuid        NOT NULL,
    evidence_id      uuid        NOT NULL REFERENCES evidence (id),
    attached_at      timestamptz NOT NULL,
    attached_by_name text,
    PRIMARY KEY (report_id, evidence_id),
    CONSTRAINT report_evidence_report_fkey FOREIGN KEY (report_id, unit_id) REFERENCES report (id, unit_id) ON DELETE CASCADE
);
CREATE INDEX report_evidence_evidence_idx ON report_evidence (evidence_id);
CREATE INDEX report_evidence_unit_idx ON report_evidence (unit_id);

-- A plan may require evidence for an indicator; a report submitted without any must then explain why.
ALTER TABLE indicator ADD COLUMN evidence_required boolean NOT NULL DEFAULT false;
ALTER TABLE report ADD COLUMN evidence_explanation text;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'owner_unit_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_evidence FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'unit_id', 'report_id');
