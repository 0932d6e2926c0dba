package vn.dti.tracker.orgunit;

import static vn.dti.tracker.common.Values.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitCreate;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitUpdate;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitView;

/** Rules of the organisation tree: unique codes, moves without cycles, deactivation over deletion. */
@ApplicationScoped
public class OrgUnitService {

    static final Map<String, String> SORTABLE = Map.of(
            "code", "u.code", "name", "u.name", "kind", "u.kind", "updatedAt", "u.updatedAt", "path", "u.path");

    public record Filter(String q, OrgUnitKind kind, UUID parentId, UUID withinId, Boolean active, OffsetDateTime updatedSince) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;

    public OrgUnitService(EntityManager em, AccessPolicy access, Visibility visibility) {
        this.em = em;
        this.access = access;
        this.visibility = visibility;
    }

    @Transactional
    public Page<OrgUnitView> list(Filter filter, PageRequest page) {
        AccessPolicy.Clause scope = access.unitScope("u.path", true);
        StringBuilder where = new StringBuilder(" where ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and u.searchText like :q escape '\\'");
            params.put("q", TextSearch.likePattern(filter.q()));
        }
        if (filter.kind() != null) {
            where.append(" and u.kind = :kind");
            params.put("kind", filter.kind());
        }
        visibility.requireFilter(Visibility.Kind.ORG_UNIT, filter.parentId());
        if (filter.parentId() != null) {
            where.append(" and u.parent.id = :parentId");
            params.put("parentId", filter.parentId());
        }
        if (filter.withinId() != null) {
            OrgUnit root = requireVisible(filter.withinId());
            where.append(" and u.path like :within");
            params.put("within", root.path + "%");
        }
        if (filter.active() != null) {
            where.append(" and u.active = :active");
            params.put("active", filter.active());
        }
        if (filter.updatedSince() != null) {
            where.append(" and u.updatedAt > :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        var countQuery = em.createQuery("select count(u) from OrgUnit u" + where, Long.class);
        var listQuery = em.createQuery("select u from OrgUnit u" + where + " order by " + page.orderBy(), OrgUnit.class);
        params.forEach((k, v) -> {
            countQuery.setParameter(k, v);
            listQuery.setParameter(k, v);
        });
        long total = countQuery.getSingleResult();
        List<OrgUnit> units = listQuery.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(views(units), page, total);
    }

    @Transactional
    public OrgUnitView get(UUID id) {
        return views(List.of(requireVisible(id))).get(0);
    }

    @Transactional
    public OrgUnitView create(OrgUnitCreate input) {
        if (OrgUnit.count("code", input.code()) > 0) {
            throw DomainException.conflictField("code", "org-unit.code-taken", "Mã đơn vị '" + input.code() + "' đã được dùng.");
        }
        OrgUnit unit = new OrgUnit();
        unit.id = UUID.randomUUID();
        unit.code = input.code();
        unit.name = input.name().trim();
        unit.shortName = blankToNull(input.shortName());
        unit.kind = input.kind();
        unit.parent = input.parentId() == null ? null : requireParent(input.parentId());
        if (unit.parent == null) {
            access.requireTopUnitPlacement();
        }
        unit.path = (unit.parent == null ? "/" : unit.parent.path) + unit.id + "/";
        unit.persist();
        return get(unit.id);
    }

    @Transactional
    public OrgUnitView update(UUID id, long expectedVersion, OrgUnitUpdate input) {
        OrgUnit unit = require(id);
        access.requireUnitManageable(unit);
        Versions.check(expectedVersion, unit.version, "đơn vị");
        OrgUnit newParent = input.parentId() == null ? null : requireParent(input.parentId());
        UUID oldParentId = unit.parent == null ? null : unit.parent.id;
        UUID newParentId = newParent == null ? null : newParent.id;
        if (newParentId == null && oldParentId != null) {
            access.requireTopUnitPlacement();
        }
        unit.name = input.name().trim();
        unit.shortName = blankToNull(input.shortName());
        unit.kind = input.kind();
        unit.active = input.active();
        if (!java.util.Objects.equals(oldParentId, newParentId)) {
            move(unit, newParent);
        }
        em.flush();
        return get(unit.id);
    }

    /**
     * Replaces the unit's other names. A name is kept once (ignoring case, diacritics and spacing), and never the unit's
     * own name or short name.
     */
    @Transactional
    public OrgUnitView setAliases(UUID id, long expectedVersion, List<String> aliases) {
        OrgUnit unit = require(id);
        access.requireUnitManageable(unit);
        Versions.check(expectedVersion, unit.version, "đơn vị");
        replaceAliases(unit, aliases);
        em.flush();
        return get(unit.id);
    }

    /** Adds a name a person matched to the unit, unless the unit already answers to it; false when nothing was added. */
    @Transactional
    public boolean learnAlias(OrgUnit unit, String alias) {
        List<String> all = new ArrayList<>(unit.aliases);
        all.add(alias);
        int before = unit.aliases.size();
        replaceAliases(unit, all);
        return unit.aliases.size() > before;
    }

    private static void replaceAliases(OrgUnit unit, List<String> aliases) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(vn.dti.tracker.common.TextSearch.fold(unit.name).replaceAll("\\s+", " "));
        if (unit.shortName != null) {
            seen.add(vn.dti.tracker.common.TextSearch.fold(unit.shortName).replaceAll("\\s+", " "));
        }
        List<String> kept = new ArrayList<>();
        for (String a : aliases) {
            String clean = a == null ? "" : a.strip().replaceAll("\\s+", " ");
            if (!clean.isEmpty() && seen.add(vn.dti.tracker.common.TextSearch.fold(clean))) {
                kept.add(clean);
            }
        }
        if (!kept.equals(unit.aliases)) {
            unit.aliases.clear();
            unit.aliases.addAll(kept);
        }
    }

    private void move(OrgUnit unit, OrgUnit newParent) {
        if (newParent != null && newParent.path.startsWith(unit.path)) {
            throw DomainException.conflictField("parentId", "org-unit.cycle",
                    "Không thể chuyển '" + unit.name + "' vào bên dưới '" + newParent.name + "', vì đó là đơn vị cấp dưới của nó.");
        }
        String oldPath = unit.path;
        String newPath = (newParent == null ? "/" : newParent.path) + unit.id + "/";
        unit.parent = newParent;
        unit.path = newPath;
        em.flush();
        // Descendants keep their place below the unit; only the prefix of their path changes.
        em.createNativeQuery("update org_unit set path = :newPath || substring(path from :cut), updated_at = now(),"
                + " version = version + 1 where path like :oldLike and id <> :id")
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("oldLike", oldPath + "%")
                .setParameter("id", unit.id)
                .executeUpdate();
    }

    @Transactional
    public void delete(UUID id, long expectedVersion) {
        OrgUnit unit = require(id);
        access.requireUnitManageable(unit);
        Versions.check(expectedVersion, unit.version, "đơn vị");
        Number refs = (Number) em.createNativeQuery("""
                select (select count(*) from org_unit where parent_id = :id)
                     + (select count(*) from plan where issuing_unit_id = :id or coordinator_unit_id = :id or recipient_unit_id = :id)
                     + (select count(*) from indicator where lead_unit_id = :id)
                     + (select count(*) from indicator_cooperating_unit where unit_id = :id)
                     + (select count(*) from task_unit where unit_id = :id)
                     + (select count(*) from dti_rank_target where unit_id = :id)
                     + (select count(*) from dti_rank_result where unit_id = :id)
                     + (select count(*) from app_user where org_unit_id = :id)
                     + (select count(*) from service_account where org_unit_id = :id)
                """).setParameter("id", id).getSingleResult();
        if (refs.longValue() > 0) {
            throw DomainException.conflict("org-unit.referenced",
                    "Đơn vị '" + unit.name + "' đang được dùng (" + refs + " chỗ), nên không xóa được. Hãy ngừng hoạt động đơn vị thay vì xóa.");
        }
        unit.delete();
    }

    public OrgUnit require(UUID id) {
        OrgUnit unit = id == null ? null : OrgUnit.findById(id);
        if (unit == null) {
            throw DomainException.notFound("org-unit.not-found", "Không tìm thấy đơn vị.");
        }
        return unit;
    }

    /** A unit the caller may see; any other is answered as missing. */
    public OrgUnit requireVisible(UUID id) {
        OrgUnit unit = require(id);
        if (!visibility.sees(Visibility.Kind.ORG_UNIT, unit.id)) {
            throw DomainException.notFound("org-unit.not-found", "Không tìm thấy đơn vị.");
        }
        return unit;
    }

    /**
     * A unit named inside a request body: a missing one is a field error, not a missing resource, and
     * one outside the caller's sight is as unknown as a missing one.
     */
    public OrgUnit requireReferenced(UUID id, String field) {
        OrgUnit unit = id == null ? null : OrgUnit.findById(id);
        if (unit == null) {
            throw DomainException.invalidField(field, "org-unit.unknown", "Không có đơn vị với mã định danh " + id + ".");
        }
        return access.referenced(unit, field, id);
    }

    /** A new parent: the caller coordinates it, so the unit stays inside the caller's subtree. */
    private OrgUnit requireParent(UUID parentId) {
        OrgUnit parent = requireReferenced(parentId, "parentId");
        if (!access.manages(parent.path)) {
            throw DomainException.forbidden("access.unit-denied",
                    "Bạn không được đặt đơn vị vào bên dưới '" + parent.name + "': đơn vị đó nằm ngoài phạm vi bạn điều phối.");
        }
        return parent;
    }

    /** Read shapes for a batch of units, with their ancestors fetched in one query. */
    public List<OrgUnitView> views(List<OrgUnit> units) {
        Set<UUID> ancestorIds = units.stream()
                .flatMap(u -> ancestorIds(u).stream())
                .collect(Collectors.toSet());
        Map<UUID, OrgUnit> ancestors = ancestorIds.isEmpty() ? Map.of()
                : em.createQuery("select u from OrgUnit u where u.id in :ids", OrgUnit.class)
                        .setParameter("ids", ancestorIds).getResultStream()
                        .collect(Collectors.toMap(u -> u.id, Function.identity()));
        List<OrgUnitView> out = new ArrayList<>(units.size());
        for (OrgUnit u : units) {
            List<OrgUnitRef> chain = ancestorIds(u).stream().map(ancestors::get).map(OrgUnitRef::of).toList();
            OrgUnitRef parent = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            out.add(new OrgUnitView(u.id, u.code, u.name, u.shortName, u.kind, parent, chain, chain.size(), u.active,
                    List.copyOf(u.aliases), u.version, u.createdAt, u.updatedAt));
        }
        return out;
    }

    private static List<UUID> ancestorIds(OrgUnit unit) {
        List<String> parts = Arrays.stream(unit.path.split("/")).filter(s -> !s.isEmpty()).toList();
        return parts.subList(0, parts.size() - 1).stream().map(UUID::fromString).toList();
    }

    /** Units by code, for imports; unknown codes are absent from the map. */
    public Map<String, OrgUnit> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select u from OrgUnit u where u.code in :codes", OrgUnit.class)
                .setParameter("codes", codes).getResultStream()
                .collect(Collectors.toMap(u -> u.code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
