package vn.dti.tracker.common;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entity edited through the API: its version is its ETag, its timestamps feed updatedSince. */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @PrePersist
    void beforeInsert() {
        createdAt = Entities.now();
        updatedAt = createdAt;
        beforeWrite();
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Entities.now();
        beforeWrite();
    }

    /** Derived columns (such as folded search text) are refreshed here. */
    protected void beforeWrite() {
    }
}
