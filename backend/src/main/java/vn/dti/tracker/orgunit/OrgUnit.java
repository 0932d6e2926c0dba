package vn.dti.tracker.orgunit;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.VersionedEntity;

/** Đơn vị: a node of the organisation tree. Never hard-deleted once anything refers to it. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends VersionedEntity {

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

    /** Other names documents give the unit, in the order they were added. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "org_unit_alias", joinColumns = @JoinColumn(name = "unit_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    @Column(name = "alias", nullable = false)
    @org.hibernate.annotations.BatchSize(size = 200)
    public java.util.List<String> aliases = new java.util.ArrayList<>();

    public static OrgUnit findByCode(String code) {
        return find("code", code).firstResult();
    }

    @Override
    protected void beforeWrite() {
        searchText = TextSearch.foldAll(code, name, shortName);
    }
}
