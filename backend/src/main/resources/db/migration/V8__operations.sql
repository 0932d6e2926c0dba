-- Background jobs across instances. Every instance's scheduler fires each job; the instance that claims
-- the job's row (the database's clock decides, under the row's lock) runs it, the others skip their turn.
-- A run also holds an advisory lock on the job for its whole length, so two runs never overlap.

CREATE TABLE scheduled_job (
    name             varchar(64)  PRIMARY KEY,
    last_started_at  timestamptz  NOT NULL,
    last_finished_at timestamptz,
    last_instance    varchar(200) NOT NULL,
    last_outcome     varchar(16)  CHECK (last_outcome IN ('RAN', 'FAILED')),
    runs             bigint       NOT NULL DEFAULT 1 CHECK (runs > 0)
);

COMMENT ON TABLE scheduled_job IS 'Last run of each background job (evidence sweep, reminders), whichever instance ran it';
