package vn.dti.tracker.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * The change feed, read from the audit trail that every write passes through. Events are ordered by
 * (transaction id, event id) and only events of transactions older than every transaction still
 * running are served: such a transaction can no longer add events, so a client that follows the
 * cursors sees each change once, in order, even while others write.
 */
@ApplicationScoped
public class ChangeFeed {

    /** API type → the tables whose events are changes of it. */
    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("PLAN", List.of("plan", "plan_legal_basis"));
        TYPES.put("PLAN_GROUP", List.of("plan_group"));
        TYPES.put("INDICATOR", List.of("indicator", "indicator_target", "indicator_cooperating_unit"));
        TYPES.put("TASK", List.of("task", "task_unit"));
        TYPES.put("PERIOD", List.of("reporting_period"));
        TYPES.put("REPORT", List.of("report", "report_evidence"));
        TYPES.put("EVIDENCE", List.of("evidence"));
    }

    /** Tables whose own rows are the objects; the others are parts of one. */
    private static final Set<String> OWN = Set.of("plan", "plan_group", "indicator", "task", "reporting_period", "report", "evidence");

    @Schema(name = "Change", description = "One change of one object: created, updated (fields before and after) or deleted (a tombstone)")
    public record Change(@Schema(description = "Position of the event in the feed (the audit event's number)") long sequence,
            @Schema(examples = "REPORT", description = "PLAN, PLAN_GROUP, INDICATOR, TASK, PERIOD, REPORT or EVIDENCE") String type,
            @Schema(description = "Id of the object") String id,
            @Schema(examples = "UPDATED", description = "CREATED, UPDATED or DELETED") String action,
            @Schema(nullable = true, examples = "targets", description = "For a change of a part of the object (a target, a unit, an attachment): which part") String part,
            OffsetDateTime at, @Schema(nullable = true) String by,
            @Schema(nullable = true, description = "Columns changed: {column: {from, to}}; on creation or deletion, the whole row") Object changes) {
    }

    @Schema(name = "ChangePage", description = "A page of the change feed and the cursor to read on from")
    public record ChangePage(List<Change> items,
            @Schema(description = "Opaque cursor after the last item: save it and send it as `after` next time") String next,
            @Schema(description = "More changes are ready now; read again at once with `next`") boolean hasMore) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;
    private final Cursors cursors;
    private final ReportingClock clock;
    private final ObjectMapper json;

    public ChangeFeed(EntityManager em, AccessPolicy access, Visibility visibility, Cursors cursors, ReportingClock clock, ObjectMapper json) {
        this.em = em;
        this.access = access;
        this.visibility = visibility;
        this.cursors = cursors;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePage read(String after, Collection<String> types, int limit) {
        Caller caller = access.caller();
        Cursors.Position from = cursors.decode(after, caller.readRoots(), clock.now());
        List<String> tables = tables(types);
        AccessPolicy.Clause scope = visibility.trailEntry("a", access.unitScope("a.scope_path", false));
        var q = em.createNativeQuery("""
                select a.id, a.tx_id, a.occurred_at, a.actor_name, a.action, a.object_type, a.object_id, cast(a.changes as text)
                  from audit_event a
                 where a.object_type in (:tables)
                   and (a.tx_id, a.id) > (:tx, :id)
                   and a.tx_id < txid_snapshot_xmin(txid_current_snapshot())
                   and\s""" + scope.jpql() + " order by a.tx_id, a.id limit :limit")
                .setParameter("tables", tables).setParameter("tx", from.tx()).setParameter("id", from.id()).setParameter("limit", limit + 1);
        scope.params().forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        boolean more = rows.size() > limit;
        List<Change> items = new ArrayList<>();
        Cursors.Position last = from;
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            long id = ((Number) row[0]).longValue();
            last = new Cursors.Position(((Number) row[1]).longValue(), id);
            String table = (String) row[5];
            boolean own = OWN.contains(table);
            String action = !own ? "UPDATED" : switch ((String) row[4]) {
                case "CREATE" -> "CREATED";
                case "DELETE" -> "DELETED";
                default -> "UPDATED";
            };
            items.add(new Change(id, typeOf(table), (String) row[6], action, own ? null : part(table), Entities.utc(row[2]), (String) row[3],
                    parse((String) row[7])));
        }
        return new ChangePage(items, cursors.encode(last, caller.readRoots(), clock.now()), more);
    }

    /** A cursor at the present: what happens from now on, for a client that has just loaded everything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String now() {
        Number horizon = (Number) em.createNativeQuery("select txid_snapshot_xmin(txid_current_snapshot())").getSingleResult();
        return cursors.encode(new Cursors.Position(horizon.longValue() - 1, Long.MAX_VALUE), access.caller().readRoots(), clock.now());
    }

    private static List<String> tables(Collection<String> types) {
        Set<String> out = new LinkedHashSet<>();
        if (types == null || types.isEmpty()) {
            TYPES.values().forEach(out::addAll);
            return List.copyOf(out);
        }
        for (String raw : types) {
            for (String t : raw.split(",")) {
                String type = t.trim().toUpperCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                List<String> of = TYPES.get(type);
                if (of == null) {
                    throw DomainException.invalidField("types", "changes.type-unknown",
                            "Loại '" + t.trim() + "' không có trong luồng thay đổi. Chọn trong: " + String.join(", ", TYPES.keySet()) + ".");
                }
                out.addAll(of);
            }
        }
        return List.copyOf(out);
    }

    private static String typeOf(String table) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst().orElse(table);
    }

    private static String part(String table) {
        return switch (table) {
            case "plan_legal_basis" -> "legalBases";
            case "indicator_target" -> "targets";
            case "indicator_cooperating_unit" -> "cooperatingUnits";
            case "task_unit" -> "units";
            case "report_evidence" -> "evidence";
            default -> table;
        };
    }

    private Object parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            return text;
        }
    }
}
