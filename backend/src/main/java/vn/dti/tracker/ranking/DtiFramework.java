package vn.dti.tracker.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import vn.dti.tracker.common.VersionedEntity;


/** Bộ chỉ số DTI: one edition of the ministry's index, with its pillars (chỉ số chính). */
@Entity
@Table(name = "dti_framework")
public class DtiFramework extends VersionedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String edition;

    public String source;

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<DtiPillar> pillars = new ArrayList<>();
}
