-- Failed sign-ins are counted per (name tried, client address) and per address across all names, not per
-- account: a stranger's failures never lock the owner out from the owner's own address, a name that does not
-- exist is throttled exactly like one that does, and several instances share the counts.
CREATE TABLE sign_in_throttle (
    -- The user name or client id as tried (lower case), whether or not such an account exists; '' for the
    -- count of the address across all names.
    account_name     varchar(200) NOT NULL,
    client_ip        varchar(64)  NOT NULL,
    failures         integer      NOT NULL CHECK (failures > 0),
    first_failure_at timestamptz  NOT NULL,
    last_failure_at  timestamptz  NOT NULL,
    blocked_until    timestamptz,
    PRIMARY KEY (account_name, client_ip),
    CHECK (last_failure_at >= first_failure_at)
);
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);

COMMENT ON TABLE sign_in_throttle IS 'Failed sign-ins per (name, address) and per address; every attempt is in audit_event';

-- The lock kept on the account itself is gone: it let anyone lock anyone out.
ALTER TABLE app_user DROP COLUMN failed_attempts, DROP COLUMN locked_until;
ALTER TABLE service_account DROP COLUMN failed_attempts, DROP COLUMN locked_until;
