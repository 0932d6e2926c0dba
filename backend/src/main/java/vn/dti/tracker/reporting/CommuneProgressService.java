package vn.dti.tracker.reporting;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.TextSearch;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitRef;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanDtos.PlanRef;
import vn.dti.tracker.plan.PlanService;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.ConsolidationService.CommunePlans;
import vn.dti.tracker.reporting.DashboardDtos.CommunePlanRef;
import vn.dti.tracker.reporting.DashboardDtos.CommuneProgress;
import vn.dti.tracker.reporting.DashboardDtos.CommuneProgressPage;
import vn.dti.tracker.reporting.DashboardDtos.CommuneReportState;
import vn.dti.tracker.reporting.ReportingDtos.SubordinatePlan;

/**
 * The province's question, "which communes have reported?", for every commune and ward of the plan's issuing unit that
 * the caller may read: with the plan it has for the year (the one carrying out the province's plan first), or the fact
 * that it has none. One province has about a hundred communes: all of them are read set-wise (a fixed number of queries),
 * then filtered, sorted and paged here, because the state and the counts to filter and sort by are computed, not stored.
 */
@ApplicationScoped
public class CommuneProgressService {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "state", "state", "sentUpAt", "sentUpAt", "missing", "missing");

    /** Worst first: the order of an ascending sort by state. */
    static final List<CommuneReportState> STATE_ORDER = List.of(CommuneReportState.OVERDUE, CommuneReportState.NO_PLAN,
            CommuneReportState.PLAN_NOT_ISSUED, CommuneReportState.NOT_SENT, CommuneReportState.SENT_LATE, CommuneReportState.SENT,
            CommuneReportState.NO_PERIOD);

    private static final Set<OrgUnitKind> COMMUNE_KINDS = Set.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD);

    public record Filter(String q, Collection<CommuneReportState> states) {
    }

    private final EntityManager em;
    private final PlanService plans;
    private final PeriodService periods;
    private final ConsolidationService consolidation;
    private final AccessPolicy access;

    public CommuneProgressService(EntityManager em, PlanService plans, PeriodService periods, ConsolidationService consolidation,
            AccessPolicy access) {
        this.em = em;
        this.plans = plans;
        this.periods = periods;
        this.consolidation = consolidation;
        this.access = access;
    }

    @Transactional
    public CommuneProgressPage list(UUID planId, String key, Filter filter, Integer page, Integer size, String sort) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "name asc");
        Plan parent = plans.require(planId);
        ReportingPeriod period = periods.require(parent, key);
        List<OrgUnit> communes = communes(parent.issuingUnit);
        Map<UUID, Plan> chosen = planOfEach(communes, parent, period.year);
        CommunePlans facts = consolidation.communePlans(parent, List.copyOf(chosen.values()), key);

        List<CommuneProgress> rows = new ArrayList<>();
        for (OrgUnit commune : communes) {
            rows.add(row(commune, chosen.get(commune.id), parent, facts));
        }
        Map<CommuneReportState, Integer> stateCounts = new EnumMap<>(CommuneReportState.class);
        for (CommuneReportState s : CommuneReportState.values()) {
            stateCounts.put(s, 0);
        }
        rows.forEach(r -> stateCounts.merge(r.state(), 1, Integer::sum));

        String q = TextSearch.fold(filter.q());
        List<CommuneProgress> matching = rows.stream()
                .filter(r -> filter.states() == null || filter.states().isEmpty() || filter.states().contains(r.state()))
                .filter(r -> q.isEmpty() || searchText(r).contains(q))
                .sorted(order(request.orderBy()))
                .toList();
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(from + request.size(), matching.size());
        int totalPages = (matching.size() + request.size() - 1) / request.size();
        return new CommuneProgressPage(PlanRef.of(parent), OrgUnitRef.of(parent.issuingUnit), key, matching.subList(from, to), request.page(),
                request.size(), matching.size(), totalPages, rows.size(), stateCounts, facts.rollups());
    }

    /** Active communes and wards below the unit, inside the caller's read scope: a commune's people see their own alone. */
    private List<OrgUnit> communes(OrgUnit parent) {
        AccessPolicy.Clause scope = access.unitScope("u.path", false);
        var q = em.createQuery("select u from OrgUnit u where u.path like :under and u.id <> :parent and u.kind in :kinds and u.active = true and "
                + scope.jpql(), OrgUnit.class)
                .setParameter("under", parent.path + "%").setParameter("parent", parent.id).setParameter("kinds", COMMUNE_KINDS);
        scope.params().forEach(q::setParameter);
        return q.getResultList();
    }

    /**
     * Each commune's plan for the year, among those the caller reads: the one carrying out the parent first, then an
     * issued one before a draft before a closed one, then the latest to start.
     */
    private Map<UUID, Plan> planOfEach(List<OrgUnit> communes, Plan parent, int year) {
        Map<UUID, Plan> chosen = new HashMap<>();
        if (communes.isEmpty()) {
            return chosen;
        }
        AccessPolicy.Clause scope = access.planScope("p");
        var q = em.createQuery("select p from Plan p join fetch p.issuingUnit where p.issuingUnit in :communes and p.startYear <= :year"
                + " and p.endYear >= :year and " + scope.jpql(), Plan.class)
                .setParameter("communes", communes).setParameter("year", year);
        scope.params().forEach(q::setParameter);
        Comparator<Plan> preference = Comparator.<Plan, Boolean>comparing(p -> !implementsParent(p, parent))
                .thenComparing(p -> switch (p.status) {
                    case ISSUED -> 0;
                    case DRAFT -> 1;
                    case CLOSED -> 2;
                })
                .thenComparing(p -> -p.startYear)
                .thenComparing(p -> p.code);
        for (Plan p : q.getResultList()) {
            chosen.merge(p.issuingUnit.id, p, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
        }
        return chosen;
    }

    private static boolean implementsParent(Plan plan, Plan parent) {
        return plan.parentPlan != null && plan.parentPlan.id.equals(parent.id);
    }

    private static CommuneProgress row(OrgUnit commune, Plan plan, Plan parent, CommunePlans facts) {
        if (plan == null) {
            return new CommuneProgress(OrgUnitRef.of(commune), commune.kind, null, CommuneReportState.NO_PLAN, null, null, null, null,
                    ConsolidationService.counts(List.of()), ConsolidationService.timeliness(List.of()), Map.of());
        }
        SubordinatePlan s = facts.plans().get(plan.id);
        CommunePlanRef ref = new CommunePlanRef(plan.id, plan.code, plan.documentNumber, plan.title, plan.status,
                implementsParent(plan, parent));
        return new CommuneProgress(OrgUnitRef.of(commune), commune.kind, ref, state(plan, s), s.periodKey(), s.consolidationDeadline(),
                s.sentUpAt(), s.sentUpBy(), s.statusCounts(), s.timeliness(), facts.feeding().getOrDefault(plan.id, Map.of()));
    }

    /** Where the commune's report stands; lateness is the consolidation's ({@link SubordinatePlan#late()}). */
    static CommuneReportState state(Plan plan, SubordinatePlan s) {
        if (plan.status == PlanStatus.DRAFT) {
            return CommuneReportState.PLAN_NOT_ISSUED;
        }
        if (s.periodKey() == null) {
            return CommuneReportState.NO_PERIOD;
        }
        if (s.sentUpAt() != null) {
            return s.late() ? CommuneReportState.SENT_LATE : CommuneReportState.SENT;
        }
        return s.late() ? CommuneReportState.OVERDUE : CommuneReportState.NOT_SENT;
    }

    private static String searchText(CommuneProgress r) {
        return r.plan() == null ? TextSearch.foldAll(r.commune().name(), r.commune().code())
                : TextSearch.foldAll(r.commune().name(), r.commune().code(), r.plan().code(), r.plan().documentNumber(), r.plan().title());
    }

    /** The order {@link PageRequest} validated ("state desc, name asc"), as a comparator; the name breaks ties. */
    static Comparator<CommuneProgress> order(String orderBy) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<CommuneProgress> byName = Comparator.comparing(r -> r.commune().name(), vietnamese);
        String[] first = orderBy.split(",")[0].trim().split(" ");
        Comparator<CommuneProgress> primary = switch (first[0]) {
            case "state" -> Comparator.comparingInt(r -> STATE_ORDER.indexOf(r.state()));
            // Not sent yet sorts after every date.
            case "sentUpAt" -> Comparator.comparing(CommuneProgress::sentUpAt, Comparator.nullsLast(Comparator.naturalOrder()));
            case "missing" -> Comparator.comparingInt(r -> r.timeliness().missing());
            default -> byName;
        };
        if (first.length > 1 && first[1].equals("desc")) {
            primary = primary.reversed();
        }
        return primary.thenComparing(byName);
    }
}
