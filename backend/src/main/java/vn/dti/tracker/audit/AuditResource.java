package vn.dti.tracker.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Visibility;
import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;

@Path("/v1/audit-events")
@Tag(name = "Audit", description = "Nhật ký: every write and sign-in, append-only")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
public class AuditResource {

    static final Map<String, String> SORTABLE = Map.of("occurredAt", "a.occurred_at");

    @Schema(name = "AuditEvent", description = "One entry of the audit trail")
    public record AuditEventView(
            long id,
            OffsetDateTime occurredAt,
            @Schema(examples = "USER", description = "USER, SERVICE, SYSTEM or ANONYMOUS") String actorKind,
            @Schema(nullable = true) UUID actorId,
            @Schema(nullable = true, examples = "commune", description = "The account's name as it signed in") String actorName,
            @Schema(nullable = true, examples = "Nguyễn Văn An", description = "Who it is, as people read it: the account's full name (a"
                    + " service account's name); the account's name if the account is no longer known") String actorFullName,
            @Schema(nullable = true, examples = "203.113.1.10") String clientIp,
            @Schema(examples = "UPDATE", description = "CREATE, UPDATE, DELETE, SIGN_IN, SIGN_IN_FAILED, SIGN_IN_REFUSED, SIGN_IN_THROTTLED, ACCOUNT_LOCKED, ADDRESS_THROTTLED, SIGN_OUT, TOKENS_REVOKED, REFRESH_TOKEN_REUSED (SIGN_IN_REFUSED in entries made before sign-in throttling went by address)") String action,
            @Schema(examples = "plan", description = "The table of the object") String objectType,
            @Schema(nullable = true) String objectId,
            @Schema(nullable = true, description = "For UPDATE, {field: {from, to}}; for CREATE and DELETE, the row; for other events, details") Map<String, Object> changes,
            @Schema(description = "Entries of one transaction share it") long transactionId) {
    }

    private final EntityManager em;
    private final AccessPolicy access;
    private final Visibility visibility;

    public AuditResource(EntityManager em, AccessPolicy access, Visibility visibility) {
        this.em = em;
        this.access = access;
        this.visibility = visibility;
    }

    @GET
    @Transactional
    @Operation(operationId = "listAuditEvents", summary = "Read the audit trail, newest first",
            description = "Administrators read all of it; coordinators the entries about their subtree's data. Nobody can change or remove an entry.")
    public Page<AuditEventView> list(
            @QueryParam("page") @Parameter(description = "0-based page number") Integer page,
            @QueryParam("size") @Parameter(description = "Rows per page, 1-200 (default 20)") Integer size,
            @QueryParam("sort") @Parameter(description = "`occurredAt` with `,asc` or `,desc` (default newest first)") String sort,
            @QueryParam("objectType") @Parameter(description = "Table of the object", example = "plan") String objectType,
            @QueryParam("objectId") String objectId,
            @QueryParam("actorId") UUID actorId,
            @QueryParam("action") String action,
            @QueryParam("from") @Parameter(description = "From this instant (inclusive)") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Before this instant") OffsetDateTime to) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "a.occurred_at desc, a.id desc");
        // Coordinators read the entries recorded in their subtree, and of those only the ones about objects they may GET.
        AccessPolicy.Clause recorded = access.managedScope("a.scope_path");
        AccessPolicy.Clause scope = visibility.trailEntry("a", recorded);
        StringBuilder where = new StringBuilder(" where ").append(recorded.jpql()).append(" and ").append(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (objectType != null && !objectType.isBlank()) {
            where.append(" and a.object_type = :type");
            params.put("type", objectType);
        }
        if (objectId != null && !objectId.isBlank()) {
            where.append(" and a.object_id = :objectId");
            params.put("objectId", objectId);
        }
        if (actorId != null && !visibility.sees(Visibility.Kind.USER, actorId) && !visibility.sees(Visibility.Kind.SERVICE_ACCOUNT, actorId)) {
            visibility.requireFilter(Visibility.Kind.USER, actorId);
        }
        if (actorId != null) {
            where.append(" and a.actor_id = :actor");
            params.put("actor", actorId);
        }
        if (action != null && !action.isBlank()) {
            where.append(" and a.action = :action");
            params.put("action", action);
        }
        if (from != null) {
            where.append(" and a.occurred_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and a.occurred_at < :to");
            params.put("to", to);
        }
        var count = em.createNativeQuery("select count(*) from audit_event a" + where);
        var ids = em.createNativeQuery("select a.id from audit_event a" + where + " order by " + request.orderBy());
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            ids.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Long> pageIds = ((List<Object>) ids.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList())
                .stream().map(n -> ((Number) n).longValue()).toList();
        Map<Long, AuditEvent> byId = new HashMap<>();
        Map<Long, String> fullNames = new HashMap<>();
        if (!pageIds.isEmpty()) {
            em.createQuery("select e from AuditEvent e where e.id in :ids", AuditEvent.class).setParameter("ids", pageIds)
                    .getResultStream().forEach(e -> byId.put(e.id, e));
            @SuppressWarnings("unchecked")
            List<Object[]> names = em.createNativeQuery("""
                    select a.id, coalesce(u.full_name, s.name, a.actor_name) from audit_event a
                      left join app_user u on a.actor_kind in ('USER', 'ANONYMOUS') and u.id = a.actor_id
                      left join service_account s on a.actor_kind = 'SERVICE' and s.id = a.actor_id
                     where a.id in (:ids)""").setParameter("ids", pageIds).getResultList();
            names.forEach(row -> fullNames.put(((Number) row[0]).longValue(), (String) row[1]));
        }
        List<AuditEventView> items = pageIds.stream().map(byId::get)
                .map(e -> new AuditEventView(e.id, e.occurredAt, e.actorKind, e.actorId, e.actorName, fullNames.get(e.id), e.clientIp, e.action,
                        e.objectType, e.objectId, e.changes, e.txId))
                .toList();
        return Page.of(items, request, total);
    }
}
