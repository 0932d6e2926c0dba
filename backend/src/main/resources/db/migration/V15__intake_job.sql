-- The reading of a scanned plan: OCR runs off the request, as a job whose state and progress any instance can answer.
-- What it read (the paragraphs and tables, as JSON) is kept until it is fetched or the job expires; no plan data is
-- stored before the person commits.
CREATE TABLE intake_job (
    id           uuid         PRIMARY KEY,
    owner_id     uuid         NOT NULL,
    state        varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    pages_done   integer      NOT NULL DEFAULT 0,
    pages_total  integer      NOT NULL DEFAULT 0,
    source       text,
    problem_code varchar(100),
    problem_detail text,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL
);
CREATE INDEX intake_job_expires ON intake_job (expires_at);
