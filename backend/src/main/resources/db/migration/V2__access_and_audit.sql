-- Accounts, tokens and the audit trail.

CREATE TABLE app_user (
    id                  uuid PRIMARY KEY,
    username            varchar(64)  NOT NULL,
    full_name           text         NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
    email               varchar(254) CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    phone               varchar(32)  CHECK (phone IS NULL OR phone ~ '^[0-9 +().-]{6,32}$'),
    org_unit_id         uuid         NOT NULL REFERENCES org_unit (id),
    password_hash       text         NOT NULL,
    active              boolean      NOT NULL DEFAULT true,
    -- Raised by a password change or a deactivation: access tokens carrying an older value stop working at once.
    token_version       integer      NOT NULL DEFAULT 0,
    failed_attempts     integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until        timestamptz,
    last_sign_in_at     timestamptz,
    password_changed_at timestamptz  NOT NULL,
    search_text         text         NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    CONSTRAINT app_user_username_unique UNIQUE (username)
);
CREATE INDEX app_user_unit_idx ON app_user (org_unit_id);
CREATE INDEX app_user_updated_idx ON app_user (updated_at);

CREATE TABLE app_user_role (
    user_id uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(32) NOT NULL CHECK (role IN ('ADMIN','PROVINCE_COORDINATOR','COMMUNE_COORDINATOR','UNIT_REPORTER','VIEWER')),
    PRIMARY KEY (user_id, role)
);

-- Tài khoản hệ thống: a province system pulling data with the client-credentials grant.
CREATE TABLE service_account (
    id                uuid PRIMARY KEY,
    client_id         varchar(64)  NOT NULL,
    name              text         NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description       text,
    org_unit_id       uuid         NOT NULL REFERENCES org_unit (id),
    secret_hash       text         NOT NULL,
    active            boolean      NOT NULL DEFAULT true,
    token_version     integer      NOT NULL DEFAULT 0,
    failed_attempts   integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until      timestamptz,
    secret_rotated_at timestamptz  NOT NULL,
    last_used_at      timestamptz,
    search_text       text         NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT service_account_client_id_format CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    CONSTRAINT service_account_client_id_unique UNIQUE (client_id)
);
CREATE INDEX service_account_unit_idx ON service_account (org_unit_id);

-- Only a SHA-256 of each refresh token is kept. Tokens of one sign-in form a family that rotates on use;
-- presenting a token that was already used revokes the whole family.
CREATE TABLE refresh_token (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    family_id     uuid        NOT NULL,
    token_hash    varchar(64) NOT NULL,
    issued_at     timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    revoked_at    timestamptz,
    revoke_reason varchar(32) CHECK (revoke_reason IN ('ROTATED','SIGN_OUT','PASSWORD_CHANGED','DEACTIVATED','REUSE_DETECTED','ADMIN')),
    client_ip     text,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT refresh_token_revoked_has_reason CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);

-- The audit trail. Row changes are written by triggers, so no write can skip it, whatever code path made it;
-- sign-ins and token events are written by the application. Nobody may change or remove a row.
CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor_kind  varchar(16)  NOT NULL CHECK (actor_kind IN ('USER','SERVICE','SYSTEM','ANONYMOUS')),
    actor_id    uuid,
    actor_name  text,
    client_ip   text,
    action      varchar(32)  NOT NULL,
    object_type varchar(64)  NOT NULL,
    object_id   text,
    -- Path of the org unit whose data this is: coordinators read the trail of their own subtree.
    scope_path  text,
    changes     jsonb,
    tx_id       bigint       NOT NULL DEFAULT txid_current()
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);
CREATE INDEX audit_event_scope_idx ON audit_event (scope_path text_pattern_ops);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = '42501';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Who is writing: set per connection by the application from the signed-in caller (dti.actor_*).
-- Arguments: how to find the owning unit ('self', 'unit', 'plan', 'indicator', 'task', 'user', 'none'),
-- the column naming it, and the column that identifies the object.
CREATE FUNCTION audit_row_change() RETURNS trigger AS $$
DECLARE
    new_j   jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
    old_j   jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
    row_j   jsonb := COALESCE(new_j, old_j);
    ignored text[] := ARRAY['search_text','version','created_at','updated_at','failed_attempts','locked_until',
                            'last_sign_in_at','last_used_at'];
    secret  text[] := ARRAY['password_hash','secret_hash','token_hash'];
    owner   text := row_j ->> TG_ARGV[1];
    scope   text;
    diff    jsonb;
    k       text;
BEGIN
    IF TG_ARGV[0] = 'self' THEN
        scope := row_j ->> 'path';
    ELSIF TG_ARGV[0] = 'unit' THEN
        SELECT path INTO scope FROM org_unit WHERE id = owner::uuid;
    ELSIF TG_ARGV[0] = 'plan' THEN
        SELECT u.path INTO scope FROM plan p JOIN org_unit u ON u.id = p.issuing_unit_id WHERE p.id = owner::uuid;
    ELSIF TG_ARGV[0] = 'indicator' THEN
        SELECT u.path INTO scope FROM indicator i JOIN plan p ON p.id = i.plan_id
            JOIN org_unit u ON u.id = p.issuing_unit_id WHERE i.id = owner::uuid;
    ELSIF TG_ARGV[0] = 'task' THEN
        SELECT u.path INTO scope FROM task t JOIN plan p ON p.id = t.plan_id
            JOIN org_unit u ON u.id = p.issuing_unit_id WHERE t.id = owner::uuid;
    ELSIF TG_ARGV[0] = 'user' THEN
        SELECT u.path INTO scope FROM app_user a JOIN org_unit u ON u.id = a.org_unit_id WHERE a.id = owner::uuid;
    END IF;

    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, jsonb_build_object(
                   'from', CASE WHEN n.key = ANY (secret) THEN to_jsonb('***'::text) ELSE o.value END,
                   'to',   CASE WHEN n.key = ANY (secret) THEN to_jsonb('***'::text) ELSE n.value END))
          INTO diff
          FROM jsonb_each(new_j) n JOIN jsonb_each(old_j) o USING (key)
         WHERE n.value IS DISTINCT FROM o.value AND NOT (n.key = ANY (ignored));
        IF diff IS NULL THEN
            RETURN NULL;
        END IF;
    ELSE
        diff := row_j - ignored;
        FOREACH k IN ARRAY secret LOOP
            IF diff ? k THEN
                diff := jsonb_set(diff, ARRAY[k], to_jsonb('***'::text));
            END IF;
        END LOOP;
    END IF;

    INSERT INTO audit_event (actor_kind, actor_id, actor_name, client_ip, action, object_type, object_id, scope_path, changes)
    VALUES (COALESCE(NULLIF(current_setting('dti.actor_kind', true), ''), 'SYSTEM'),
            NULLIF(current_setting('dti.actor_id', true), '')::uuid,
            NULLIF(current_setting('dti.actor_name', true), ''),
            NULLIF(current_setting('dti.client_ip', true), ''),
            CASE TG_OP WHEN 'INSERT' THEN 'CREATE' WHEN 'UPDATE' THEN 'UPDATE' ELSE 'DELETE' END,
            TG_TABLE_NAME, row_j ->> TG_ARGV[2], scope, diff);
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON org_unit FOR EACH ROW EXECUTE FUNCTION audit_row_change('self', 'id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plan FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'issuing_unit_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plan_legal_basis FOR EACH ROW EXECUTE FUNCTION audit_row_change('plan', 'plan_id', 'plan_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plan_group FOR EACH ROW EXECUTE FUNCTION audit_row_change('plan', 'plan_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator FOR EACH ROW EXECUTE FUNCTION audit_row_change('plan', 'plan_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_cooperating_unit FOR EACH ROW EXECUTE FUNCTION audit_row_change('indicator', 'indicator_id', 'indicator_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_target FOR EACH ROW EXECUTE FUNCTION audit_row_change('indicator', 'indicator_id', 'indicator_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON task FOR EACH ROW EXECUTE FUNCTION audit_row_change('plan', 'plan_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON task_unit FOR EACH ROW EXECUTE FUNCTION audit_row_change('task', 'task_id', 'task_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON dti_framework FOR EACH ROW EXECUTE FUNCTION audit_row_change('none', 'id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON dti_pillar FOR EACH ROW EXECUTE FUNCTION audit_row_change('none', 'framework_id', 'framework_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON dti_rank_target FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'unit_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON dti_rank_result FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'unit_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'org_unit_id', 'id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app_user_role FOR EACH ROW EXECUTE FUNCTION audit_row_change('user', 'user_id', 'user_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON service_account FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'org_unit_id', 'id');
