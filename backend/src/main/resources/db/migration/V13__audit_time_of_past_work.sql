-- The audit trail stamps each row with the moment it is written. Start-up work that writes the past (the demo's
-- year of reporting, demo/DemoHistory) names the moment each step happened in the transaction-local setting
-- dti.occurred_at, as the application already names the actor (dti.actor_*); a row written without it keeps the clock.
-- The setting gives the application no power it lacked: it could always insert audit rows with any time.
CREATE FUNCTION audit_event_occurred_at() RETURNS trigger AS $$
DECLARE
    at text := current_setting('dti.occurred_at', true);
BEGIN
    IF at IS NOT NULL AND at <> '' THEN
        NEW.occurred_at := at::timestamptz;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_occurred_at BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_occurred_at();
