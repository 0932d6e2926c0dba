-- Reminders: in-app notifications and the e-mail outbox. A notification's dedup key makes each reminder
-- exist once per person, however many instances run the reminder job at the same time.

CREATE TABLE notification (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind       varchar(32) NOT NULL CHECK (kind IN ('DEADLINE_SOON', 'DEADLINE_PASSED', 'UNIT_LATE', 'REPORT_RETURNED', 'REPORT_ACCEPTED')),
    title      text        NOT NULL,
    body       text        NOT NULL,
    link       text,
    dedup_key  text        NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    CONSTRAINT notification_once UNIQUE (user_id, dedup_key)
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- Hộp thư đi: every e-mail the product means to send. Sent through SMTP when one is configured; otherwise
-- it stays here for an administrator to read.
CREATE TABLE mail_outbox (
    id              uuid PRIMARY KEY,
    notification_id uuid REFERENCES notification (id) ON DELETE SET NULL,
    to_address      varchar(254) NOT NULL,
    subject         text         NOT NULL,
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_time_idx ON mail_outbox (created_at DESC);
