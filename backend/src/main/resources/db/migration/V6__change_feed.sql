-- The change feed reads the audit trail in (transaction, event) order.
CREATE INDEX audit_event_feed_idx ON audit_event (tx_id, id);
