package vn.dti.tracker.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the audit trail (nhật ký thay đổi); rows are only ever added, by triggers and {@link AuditLog}. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public long id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "actor_kind")
    public String actorKind;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "client_ip")
    public String clientIp;

    public String action;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Column(name = "scope_path")
    public String scopePath;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> changes;

    @Column(name = "tx_id")
    public long txId;
}
