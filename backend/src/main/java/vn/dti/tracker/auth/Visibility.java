package vn.dti.tracker.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.dti.tracker.auth.AccessPolicy.Clause;
import vn.dti.tracker.common.DomainException;

/**
 * Which objects the caller may GET, as SQL conditions: the one rule that a GET by id, the change feed and
 * the audit trail all apply, so that neither path shows an object (its id, its title, its file) that the
 * GET would answer 404. The conditions are built from {@link AccessPolicy}'s scopes and read the objects as
 * they are now: a unit that moved out of the caller's subtree takes its history with it.
 */
@ApplicationScoped
public class Visibility {

    /** The objects a GET answers by id. */
    public enum Kind {
        ORG_UNIT("org-unit.not-found", "Không tìm thấy đơn vị."),
        PLAN("plan.not-found", "Không tìm thấy kế hoạch."),
        PLAN_GROUP("group.not-found", "Không tìm thấy nhóm trong kế hoạch."),
        INDICATOR("indicator.not-found", "Không tìm thấy chỉ tiêu."),
        TASK("task.not-found", "Không tìm thấy nhiệm vụ."),
        REPORT("report.not-found", "Không tìm thấy báo cáo."),
        EVIDENCE("evidence.not-found", "Không tìm thấy tài liệu kiểm chứng."),
        USER("user.not-found", "Không tìm thấy tài khoản."),
        SERVICE_ACCOUNT("service-account.not-found", "Không tìm thấy tài khoản hệ thống.");

        final String notFoundCode;
        final String notFoundDetail;

        Kind(String notFoundCode, String notFoundDetail) {
            this.notFoundCode = notFoundCode;
            this.notFoundDetail = notFoundDetail;
        }
    }

    private final AccessPolicy access;
    private final EntityManager em;

    public Visibility(AccessPolicy access, EntityManager em) {
        this.access = access;
        this.em = em;
    }

    /** True when the caller may GET the object; the GETs answer 404 otherwise. */
    public boolean sees(Kind kind, UUID id) {
        if (id == null) {
            return false;
        }
        Clause c = of(kind, "one.id", new Names());
        var q = em.createNativeQuery("select count(*) from (select cast(:visibleId as uuid) as id) one where " + c.jpql())
                .setParameter("visibleId", id.toString());
        c.params().forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue() > 0;
    }

    /**
     * An id named in a list filter: one the caller may not GET is answered 404, as if it did not exist,
     * instead of an empty list that would tell the two apart.
     */
    public void requireFilter(Kind kind, UUID id) {
        if (id != null && !sees(kind, id)) {
            throw DomainException.notFound(kind.notFoundCode, kind.notFoundDetail);
        }
    }

    /** The caller may GET the object of this kind whose id is {@code idExpr} (native SQL, uuid). */
    public Clause of(Kind kind, String idExpr) {
        return of(kind, idExpr, new Names());
    }

    private Clause of(Kind kind, String idExpr, Names names) {
        if (access.caller().isAdmin()) {
            return Clause.ALL;
        }
        return switch (kind) {
            case ORG_UNIT -> exists("org_unit vu", "vu.id = " + idExpr, access.unitScope("vu.path", true, names.next()));
            case PLAN -> exists("plan vp join org_unit vpu on vpu.id = vp.issuing_unit_id", "vp.id = " + idExpr,
                    access.planScope("vpu.path", "vp.status <> 'DRAFT'", names.next()));
            case PLAN_GROUP -> partOfPlan("plan_group", idExpr, names);
            case INDICATOR -> partOfPlan("indicator", idExpr, names);
            case TASK -> partOfPlan("task", idExpr, names);
            case REPORT -> exists("report vr join org_unit vru on vru.id = vr.unit_id", "vr.id = " + idExpr,
                    access.unitScope("vru.path", false, names.next()));
            case EVIDENCE -> evidence(idExpr, names);
            case USER -> exists("app_user va join org_unit vau on vau.id = va.org_unit_id", "va.id = " + idExpr,
                    access.managedScope("vau.path", names.next()));
            case SERVICE_ACCOUNT -> exists("service_account vs join org_unit vsu on vsu.id = vs.org_unit_id", "vs.id = " + idExpr,
                    access.managedScope("vsu.path", names.next()));
        };
    }

    /**
     * Evidence is seen by whoever reads a report it is attached to, and by its uploader while it is attached
     * to nothing; an unattached file tells nobody else what it is.
     */
    private Clause evidence(String idExpr, Names names) {
        Caller caller = access.caller();
        Clause reports = access.unitScope("vru.path", false, names.next());
        Map<String, Object> params = new HashMap<>(reports.params());
        String sql = "exists (select 1 from report_evidence vre join org_unit vru on vru.id = vre.unit_id where vre.evidence_id = " + idExpr
                + " and " + reports.jpql() + ")";
        if (caller.kind() == Caller.Kind.USER) {
            String me = names.next();
            sql += " or exists (select 1 from evidence ve where ve.id = " + idExpr + " and ve.uploaded_by = :" + me
                    + " and not exists (select 1 from report_evidence vrx where vrx.evidence_id = ve.id))";
            params.put(me, caller.id());
        }
        return new Clause("(" + sql + ")", params);
    }

    /** A plan's groups, indicators and tasks are read by whoever reads the plan. */
    private Clause partOfPlan(String table, String idExpr, Names names) {
        Clause plan = of(Kind.PLAN, "vpp.plan_id", names);
        return new Clause("exists (select 1 from " + table + " vpp where vpp.id = " + idExpr + " and " + plan.jpql() + ")", plan.params());
    }

    private static Clause exists(String from, String match, Clause scope) {
        return new Clause("exists (select 1 from " + from + " where " + match + " and " + scope.jpql() + ")", scope.params());
    }

    // ---- the trail: change feed and audit events ----

    /**
     * An entry of the audit trail ({@code alias}: audit_event) is shown when the caller may GET the object it
     * is about now: for a part (a target, an attachment) or a plan's content (a group, an indicator, a period),
     * the object that decides, found from the row or, once it is gone, from its creation entry. An entry of an
     * object that no longer exists is shown by the scope it was recorded in ({@code recordedScope}), and deleted
     * evidence only to its uploader.
     */
    public Clause trailEntry(String alias, Clause recordedScope) {
        if (access.caller().isAdmin()) {
            return Clause.ALL;
        }
        Names names = new Names();
        Map<String, Object> params = new HashMap<>(recordedScope.params());
        String id = "cast(" + alias + ".object_id as uuid)";
        StringBuilder sql = new StringBuilder("(case " + alias + ".object_type");
        Object[][] rules = {
                {"org_unit", Kind.ORG_UNIT, id, "org_unit"},
                {"plan", Kind.PLAN, id, "plan"},
                {"plan_legal_basis", Kind.PLAN, id, "plan"},
                {"plan_group", Kind.PLAN, planOf(alias, "plan_group", id), "plan"},
                {"indicator", Kind.PLAN, planOf(alias, "indicator", id), "plan"},
                {"indicator_target", Kind.PLAN, planOf(alias, "indicator", id), "plan"},
                {"indicator_cooperating_unit", Kind.PLAN, planOf(alias, "indicator", id), "plan"},
                {"task", Kind.PLAN, planOf(alias, "task", id), "plan"},
                {"task_unit", Kind.PLAN, planOf(alias, "task", id), "plan"},
                {"reporting_period", Kind.PLAN, planOf(alias, "reporting_period", id), "plan"},
                {"report", Kind.REPORT, id, "report"},
                {"report_evidence", Kind.REPORT, id, "report"},
                {"evidence", Kind.EVIDENCE, id, "evidence"},
                {"dti_rank_target", Kind.ORG_UNIT, rowOrCreation(alias, "dti_rank_target", "unit_id", id), "org_unit"},
                {"dti_rank_result", Kind.ORG_UNIT, rowOrCreation(alias, "dti_rank_result", "unit_id", id), "org_unit"},
                {"app_user", Kind.USER, id, "app_user"},
                {"app_user_role", Kind.USER, id, "app_user"},
                {"service_account", Kind.SERVICE_ACCOUNT, id, "service_account"},
        };
        for (Object[] rule : rules) {
            String table = (String) rule[0];
            Kind kind = (Kind) rule[1];
            String owner = (String) rule[2];
            Clause visible = of(kind, owner, names);
            params.putAll(visible.params());
            String gone = "not exists (select 1 from " + rule[3] + " vg where vg.id = " + owner + ")";
            String afterwards = recordedScope.jpql();
            if (kind == Kind.EVIDENCE) {
                afterwards = uploadedByCaller(alias, params, names);
            }
            sql.append(" when '").append(table).append("' then (").append(visible.jpql()).append(" or (").append(gone).append(" and ")
                    .append(afterwards).append("))");
        }
        sql.append(" else ").append(recordedScope.jpql()).append(" end)");
        return new Clause(sql.toString(), params);
    }

    /** The plan of a plan's part: from its row while it exists, else from the entry that created it. */
    private static String planOf(String alias, String table, String idExpr) {
        return rowOrCreation(alias, table, "plan_id", idExpr);
    }

    private static String rowOrCreation(String alias, String table, String column, String idExpr) {
        return "coalesce((select vx." + column + " from " + table + " vx where vx.id = " + idExpr + "), (select cast(vc.changes ->> '" + column
                + "' as uuid) from audit_event vc where vc.object_type = '" + table + "' and vc.object_id = " + alias
                + ".object_id and vc.action in ('CREATE', 'DELETE') order by vc.id limit 1))";
    }

    /** Deleted evidence was attached to nothing (attached evidence cannot be deleted): it was its uploader's alone. */
    private String uploadedByCaller(String alias, Map<String, Object> params, Names names) {
        Caller caller = access.caller();
        if (caller.kind() != Caller.Kind.USER) {
            return Clause.NONE.jpql();
        }
        String me = names.next();
        params.put(me, caller.id().toString());
        return "exists (select 1 from audit_event vc where vc.object_type = 'evidence' and vc.object_id = " + alias
                + ".object_id and vc.action = 'CREATE' and vc.changes ->> 'uploaded_by' = :" + me + ")";
    }

    /** Parameter names unique within one query. */
    private static final class Names {
        private final AtomicInteger next = new AtomicInteger();

        String next() {
            return "vis" + next.getAndIncrement() + "_";
        }
    }
}
