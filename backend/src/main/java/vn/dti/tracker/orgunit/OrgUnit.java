package vn.dti.tracker.orgunit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.TextSearch;

/** Đơn vị: a node of the organisation tree. Never hard-deleted once anything refers to it. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrgUnitKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    /** '/root-id/.../own-id/': the subtree of a unit is every row whose path starts with its path. */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "search_text", nullable = false)
    public String searchText;

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

    private void beforeWrite() {
        searchText = TextSearch.foldAll(code, name, shortName);
    }

    public static OrgUnit findByCode(String code) {
        return find("code", code).firstResult();
    }
}
