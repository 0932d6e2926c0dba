-- Other names of a unit, as documents write them ("Phòng VH&XH", "P. Văn hóa xã hội"): kept with the unit, edited by
-- those who manage it, and learned from the names a person matched to it when bringing in a plan.
CREATE TABLE org_unit_alias (
    unit_id uuid NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    position int NOT NULL,
    alias varchar(500) NOT NULL,
    PRIMARY KEY (unit_id, position)
);
CREATE INDEX org_unit_alias_unit ON org_unit_alias (unit_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON org_unit_alias FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit', 'unit_id', 'unit_id');
