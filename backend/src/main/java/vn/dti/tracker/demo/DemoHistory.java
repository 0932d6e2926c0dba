package vn.dti.tracker.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.AppUser;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.auth.CallerLoader;
import vn.dti.tracker.auth.Passwords;
import vn.dti.tracker.auth.Role;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.demo.HistoryScript.Action;
import vn.dti.tracker.demo.HistoryScript.ItemFacts;
import vn.dti.tracker.demo.HistoryScript.PeriodFacts;
import vn.dti.tracker.demo.HistoryScript.PlanFacts;
import vn.dti.tracker.demo.HistoryScript.Step;
import vn.dti.tracker.evidence.EvidenceService;
import vn.dti.tracker.indicator.Indicator;
import vn.dti.tracker.notification.NotificationService;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitDtos.OrgUnitCreate;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.orgunit.OrgUnitService;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.PeriodService;
import vn.dti.tracker.reporting.Report;
import vn.dti.tracker.reporting.ReportService;
import vn.dti.tracker.reporting.ReportingClock;
import vn.dti.tracker.reporting.ReportingDtos.ReportCreate;
import vn.dti.tracker.reporting.ReportingPeriod;
import vn.dti.tracker.task.Task;
import vn.dti.tracker.task.TaskEnums;

/**
 * A year of reporting for the demo, up to today: writes {@link HistoryScript}'s steps through the domain services,
 * each as the person who took it and at the moment it happened (the services' timestamps, the reports' history and
 * the notifications all carry that moment). Runs once, into a database that holds the demo plans and no report yet;
 * a restart on the same data finds the reports and adds nothing.
 */
@ApplicationScoped
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    /** Staff of the lead units that have no demo account: the people whose names the history shows. */
    record Staff(String username, String fullName, String unitCode, Role role) {
    }

    static final List<Staff> STAFF = List.of(
            new Staff("kt.xuanloc", "Lê Văn Phúc", "DNAI.XUANLOC.KT", Role.UNIT_REPORTER),
            new Staff("vp.xuanloc", "Nguyễn Thị Hồng Nhung", "DNAI.XUANLOC.VP", Role.UNIT_REPORTER),
            new Staff("coquan.xuanloc", "Trần Thị Mai", "DNAI.XUANLOC.COQUAN", Role.UNIT_REPORTER),
            new Staff("vienthong.xuanloc", "Phạm Quốc Bảo", "DNAI.XUANLOC.VIENTHONG", Role.UNIT_REPORTER),
            new Staff("vhxh.phulam", "Võ Thị Thanh Tâm", "DNAI.PHULAM.VHXH", Role.COMMUNE_COORDINATOR),
            new Staff("ttpvhcc.phulam", "Đặng Minh Khoa", "DNAI.PHULAM.TTPVHCC", Role.UNIT_REPORTER),
            new Staff("kt.phulam", "Huỳnh Văn Lợi", "DNAI.PHULAM.KT", Role.UNIT_REPORTER),
            new Staff("vp.phulam", "Bùi Thị Ngọc Ánh", "DNAI.PHULAM.VP", Role.UNIT_REPORTER),
            new Staff("vpubnd.dongnai", "Hoàng Đức Thịnh", "DNAI.VPUBND", Role.UNIT_REPORTER),
            new Staff("coquan.dongnai", "Mai Thị Lan", "DNAI.COQUAN", Role.UNIT_REPORTER));

    /** Wards of the province with no plan in the product yet: the province overview shows them as such. */
    static final List<OrgUnitCreate> WARDS_WITHOUT_PLAN = List.of(
            new OrgUnitCreate("DNAI.PHUOCTAN", "Phường Phước Tân", null, OrgUnitKind.WARD, null),
            new OrgUnitCreate("DNAI.LONGKHANH", "Phường Long Khánh", null, OrgUnitKind.WARD, null));

    /** The demo accounts who report (their units are in the spotlight: an overdue item, a returned report). */
    static final Set<String> DEMO_REPORTERS = Set.of("reporter", "reporter2");
    static final List<String> DEMO_ACCOUNTS = List.of("admin", "province", "commune", "reporter", "reporter2", "viewer");

    private final EntityManager em;
    private final ReportService reports;
    private final EvidenceService evidence;
    private final PeriodService periods;
    private final NotificationService notifications;
    private final OrgUnitService units;
    private final PlanIssue issue;
    private final CallerLoader callers;
    private final Passwords passwords;
    private final ReportingClock clock;
    private final boolean enabled;
    private final boolean onStart;

    public DemoHistory(EntityManager em, ReportService reports, EvidenceService evidence, PeriodService periods,
            NotificationService notifications, OrgUnitService units, PlanIssue issue, CallerLoader callers, Passwords passwords,
            ReportingClock clock, @ConfigProperty(name = "dti.demo.history", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "dti.demo.history.on-start", defaultValue = "true") boolean onStart) {
        this.onStart = onStart;
        this.em = em;
        this.reports = reports;
        this.evidence = evidence;
        this.periods = periods;
        this.notifications = notifications;
        this.units = units;
        this.issue = issue;
        this.callers = callers;
        this.passwords = passwords;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether `make run` writes the history at start (dti.demo.history). */
    public boolean enabled() {
        return enabled;
    }

    private volatile boolean writing;

    /** True while the history is being written at start: the instance is not ready until it is done. */
    public boolean writing() {
        return writing;
    }

    /**
     * Writes the history on a thread of its own, so that the product starts at once; readiness waits for it
     * ({@link DemoHistoryHealth}). A stop in the middle leaves what was written, and the next start adds nothing.
     * With dti.demo.history.on-start=false the plans are loaded as drafts for the history, which is then written on demand.
     */
    public void writeInBackground() {
        if (!onStart) {
            return;
        }
        writing = true;
        Thread thread = new Thread(() -> {
            try {
                write(clock.today());
            } catch (RuntimeException e) {
                LOG.warn("Demo history not written in full", e);
            } finally {
                writing = false;
            }
        }, "demo-history");
        thread.setDaemon(true);
        thread.start();
    }

    /** What a run did: the steps written and those the services refused (a rule of the product the story broke). */
    public record Outcome(boolean written, int steps, int refused, long millis, Map<String, Long> millisByAction, List<String> refusals) {
    }

    /** The moment the demo plans were entered (as drafts), before the first of them was issued. */
    public static Instant entered(int firstYear, java.time.ZoneId zone) {
        return LocalDate.of(firstYear - 1, 12, 1).atStartOfDay(zone).plusHours(8).toInstant();
    }

    /** Writes the history up to {@code today}, once: a database that already has reports is left alone. */
    public Outcome write(LocalDate today) {
        long started = System.nanoTime();
        boolean empty = QuarkusTransaction.requiringNew().call(() -> Report.count() == 0);
        if (!empty) {
            LOG.info("Demo history not written: the database already has reports");
            return new Outcome(false, 0, 0, 0, Map.of(), List.of());
        }
        int firstYear = QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select min(p.startYear) from Plan p", Integer.class).getSingleResult());
        Instant setup = entered(firstYear, clock.zone()).plusSeconds(86_400);
        people(setup);
        wards(setup.plusSeconds(3600));
        issuePlans();
        Facts facts = QuarkusTransaction.requiringNew().call(() -> facts(today));
        List<Step> steps = HistoryScript.steps(facts.plans(), today, clock.zone());
        State state = run(steps, facts);
        readOldNotifications(today);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> byAction = new java.util.TreeMap<>();
        state.nanos.forEach((action, nanos) -> byAction.put(action.name(), nanos / 1_000_000));
        LOG.infof("Demo history written up to %s: %d steps (%d refused) in %d ms %s", today, steps.size(), state.refusals.size(), millis,
                byAction);
        return new Outcome(true, steps.size(), state.refusals.size(), millis, byAction, List.copyOf(state.refusals));
    }

    /** The steps a run on {@code today} takes from the plans as they stand (read only). */
    List<Step> script(LocalDate today) {
        return HistoryScript.steps(QuarkusTransaction.requiringNew().call(() -> facts(today)).plans(), today, clock.zone());
    }

    // ---- people, wards, plans ----

    private void people(Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser admin = AppUser.findByUsername("admin");
            Caller by = admin == null ? Caller.SYSTEM : callers.forAccount(admin);
            stamp(by, at);
            // One hash for all of them: hashing is slow by design, and they share the demo password.
            String hash = null;
            for (Staff s : STAFF) {
                OrgUnit unit = OrgUnit.findByCode(s.unitCode());
                if (unit == null || AppUser.findByUsername(s.username()) != null) {
                    continue;
                }
                if (hash == null) {
                    hash = passwords.hash(vn.dti.tracker.auth.AccountBootstrap.DEMO_PASSWORD);
                }
                String passwordHash = hash;
                Entities.asOf(at, () -> {
                    AppUser user = new AppUser();
                    user.id = UUID.randomUUID();
                    user.username = s.username();
                    user.fullName = s.fullName();
                    user.orgUnit = unit;
                    user.roles = EnumSet.of(s.role());
                    user.passwordHash = passwordHash;
                    user.passwordChangedAt = Entities.now();
                    user.persist();
                    return null;
                });
            }
            em.flush();
        });
    }

    private void wards(Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            OrgUnit province = OrgUnit.findByCode("DNAI");
            AppUser coordinator = AppUser.findByUsername("province");
            if (province == null || coordinator == null) {
                return;
            }
            Caller by = callers.forAccount(coordinator);
            stamp(by, at);
            for (OrgUnitCreate ward : WARDS_WITHOUT_PLAN) {
                if (OrgUnit.findByCode(ward.code()) == null) {
                    as(by, at, () -> units.create(new OrgUnitCreate(ward.code(), ward.name(), ward.shortName(), ward.kind(), province.id)));
                }
            }
        });
    }

    /** Each demo plan still a draft is issued by its coordinator, with the demo's number and date where the seed has none. */
    private void issuePlans() {
        List<UUID> drafts = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.id from Plan p where p.status = :draft order by p.startYear, p.code", UUID.class)
                .setParameter("draft", PlanStatus.DRAFT).getResultList());
        for (UUID id : drafts) {
            // The plan's own coordinator issues it; where the product refuses that coordinator (Phú Lâm's plan sends its
            // report to a department of the province, which a commune coordinator may not name), the province's does.
            for (String who : List.of("", "province")) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        Plan plan = Plan.findById(id);
                        AppUser coordinator = who.isEmpty() ? coordinatorOf(plan) : AppUser.findByUsername(who);
                        if (coordinator == null) {
                            return;
                        }
                        PlanIssue.DemoIssue values = PlanIssue.demoValues(plan);
                        Instant at = HistoryScript.at(values.issueDate(), 15 * 60, clock.zone());
                        Caller by = callers.forAccount(coordinator);
                        stamp(by, at);
                        as(by, at, () -> issue.issue(plan.id, values));
                    });
                    break;
                } catch (RuntimeException refused) {
                    LOG.debugf("Demo plan %s not issued by %s: %s", id, who.isEmpty() ? "its coordinator" : who, refused.getMessage());
                }
            }
        }
    }

    private AppUser coordinatorOf(Plan plan) {
        return em.createQuery("select u from AppUser u join u.roles r where u.orgUnit = :unit and u.active"
                + " and r in (:roles) order by u.username", AppUser.class)
                .setParameter("unit", plan.coordinatorUnit)
                .setParameter("roles", List.of(Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR)).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    // ---- the facts the script works from ----

    record Facts(List<PlanFacts> plans, Map<String, UUID> planIds, Map<String, UUID> itemIds, Map<String, UUID> unitIds,
            Map<String, UUID> people) {
    }

    private Facts facts(LocalDate today) {
        List<PlanFacts> plans = new ArrayList<>();
        Map<String, UUID> planIds = new HashMap<>();
        Map<String, UUID> itemIds = new HashMap<>();
        Map<String, UUID> unitIds = new HashMap<>();
        Map<String, UUID> people = new HashMap<>();
        List<Plan> issued = em.createQuery("select p from Plan p where p.status = :issued order by p.code", Plan.class)
                .setParameter("issued", PlanStatus.ISSUED).getResultList();
        for (Plan plan : issued) {
            AppUser reviewer = coordinatorOf(plan);
            if (reviewer == null || plan.issueDate == null) {
                continue;
            }
            people.put(reviewer.username, reviewer.id);
            planIds.put(plan.code, plan.id);
            List<PeriodFacts> planPeriods = ReportingPeriod.<ReportingPeriod>list("plan = ?1 order by startsOn", plan).stream()
                    .map(p -> new PeriodFacts(p.key, p.year, p.endsOn.getMonthValue(), p.startsOn, p.endsOn, p.unitDeadline,
                            p.consolidationDeadline)).toList();
            List<ItemFacts> items = new ArrayList<>();
            Map<UUID, AppUser> writers = new HashMap<>();
            for (Indicator i : Indicator.<Indicator>list("plan = ?1 order by position, code", plan)) {
                AppUser writer = writers.computeIfAbsent(i.leadUnit.id, u -> writerOf(i.leadUnit));
                if (writer != null) {
                    items.add(new ItemFacts(i.code, false, i.leadUnit.code, shortName(i.leadUnit), writer.username,
                            DEMO_REPORTERS.contains(writer.username), Shapes.of(i, today.getYear())));
                    itemIds.put(plan.code + "/" + i.code + "/I", i.id);
                    unitIds.put(i.leadUnit.code, i.leadUnit.id);
                    people.put(writer.username, writer.id);
                }
            }
            for (Task t : Task.<Task>list("plan = ?1 order by position, code", plan)) {
                boolean now = t.timeframeKind == TaskEnums.TimeframeKind.ONGOING || t.timeframeStartYear != null
                        && t.timeframeStartYear <= today.getYear() && t.timeframeEndYear >= today.getYear();
                for (var tu : t.units) {
                    if (!now || tu.role != TaskEnums.UnitRole.LEAD) {
                        continue;
                    }
                    AppUser writer = writers.computeIfAbsent(tu.unit.id, u -> writerOf(tu.unit));
                    if (writer != null) {
                        items.add(new ItemFacts(t.code, true, tu.unit.code, shortName(tu.unit), writer.username,
                                DEMO_REPORTERS.contains(writer.username), null));
                        itemIds.put(plan.code + "/" + t.code + "/T", t.id);
                        unitIds.put(tu.unit.code, tu.unit.id);
                        people.put(writer.username, writer.id);
                    }
                }
            }
            plans.add(new PlanFacts(plan.code, plan.issueDate, reviewer.username, planPeriods, items));
        }
        return new Facts(plans, planIds, itemIds, unitIds, people);
    }

    /** Who writes a unit's reports: a demo account of the unit if there is one, else the first of its staff. */
    private AppUser writerOf(OrgUnit unit) {
        List<AppUser> found = em.createQuery("select distinct u from AppUser u join u.roles r where u.orgUnit = :unit and u.active"
                + " and r in (:roles) order by u.username", AppUser.class).setParameter("unit", unit)
                .setParameter("roles", List.of(Role.UNIT_REPORTER, Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR)).getResultList();
        return found.stream().filter(u -> DEMO_ACCOUNTS.contains(u.username)).findFirst().orElse(found.isEmpty() ? null : found.get(0));
    }

    private static String shortName(OrgUnit unit) {
        return unit.shortName != null ? unit.shortName : unit.name;
    }

    // ---- running the steps ----

    /** Steps of a day run in one transaction; a day the services refuse runs again step by step, skipping what they refuse. */
    private State run(List<Step> steps, Facts facts) {
        Map<String, Caller> people = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Caller> out = new HashMap<>();
            facts.people().forEach((username, id) -> out.put(username, callers.forAccount(AppUser.findById(id))));
            return out;
        });
        State state = new State();
        Map<LocalDate, List<Step>> days = new LinkedHashMap<>();
        for (Step s : steps) {
            days.computeIfAbsent(clock.dayOf(s.at()), d -> new ArrayList<>()).add(s);
        }
        for (List<Step> day : days.values()) {
            State before = state.copy();
            try {
                QuarkusTransaction.requiringNew().run(() -> day.forEach(s -> timed(s, facts, people, state)));
            } catch (RuntimeException e) {
                state.restore(before);
                for (Step s : day) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> timed(s, facts, people, state));
                    } catch (RuntimeException refusal) {
                        state.failed.add(reportKey(s));
                        state.refusals.add(s.action() + " " + s.plan() + " " + s.period() + " " + s.item() + " " + s.unit() + ": "
                                + refusal.getMessage());
                        LOG.debugf("Demo history step %s %s %s refused: %s", s.action(), s.period(), s.item(), refusal.getMessage());
                    }
                }
            }
        }
        return state;
    }

    private void timed(Step s, Facts facts, Map<String, Caller> people, State state) {
        long started = System.nanoTime();
        apply(s, facts, people, state);
        state.nanos.merge(s.action(), System.nanoTime() - started, Long::sum);
    }

    /** What the run knows between transactions: the reports made and the documents uploaded. */
    private static final class State {
        Map<String, UUID> reports = new HashMap<>();
        Map<String, UUID> documents = new HashMap<>();
        Set<String> failed = new HashSet<>();
        List<String> refusals = new ArrayList<>();
        Map<Action, Long> nanos = new java.util.EnumMap<>(Action.class);

        State copy() {
            State s = new State();
            s.reports.putAll(reports);
            s.documents.putAll(documents);
            s.failed.addAll(failed);
            return s;
        }

        void restore(State s) {
            reports = new HashMap<>(s.reports);
            documents = new HashMap<>(s.documents);
            failed = new HashSet<>(s.failed);
        }
    }

    private static String reportKey(Step s) {
        return s.plan() + "/" + s.period() + "/" + s.item() + "/" + s.unit();
    }

    private void apply(Step s, Facts facts, Map<String, Caller> people, State state) {
        if (s.action() == Action.REMIND) {
            stamp(Caller.SYSTEM, s.at());
            AccessPolicy.asSystem(() -> Entities.asOf(s.at(), () -> notifications.remind(s.day())));
            return;
        }
        Caller by = people.get(s.person());
        stamp(by, s.at());
        if (s.action() == Action.SEND_UP) {
            UUID planId = facts.planIds().get(s.plan());
            ReportingPeriod period = ReportingPeriod.find("plan.id = ?1 and key = ?2", planId, s.period()).firstResult();
            as(by, s.at(), () -> periods.sendUp(planId, s.period(), period.version, s.comment()));
            return;
        }
        String key = reportKey(s);
        if (state.failed.contains(key)) {
            return;
        }
        if (s.action() == Action.CREATE) {
            UUID item = facts.itemIds().get(s.plan() + "/" + s.item() + (s.task() ? "/T" : "/I"));
            var c = s.content();
            UUID id = as(by, s.at(), () -> reports.create(new ReportCreate(s.period(), s.task() ? null : item, s.task() ? item : null,
                    facts.unitIds().get(s.unit()), c.value(), c.progress(), c.achievements(), c.difficulties(), c.proposals(), null)).id());
            state.reports.put(key, id);
            return;
        }
        UUID id = state.reports.get(key);
        if (id == null) {
            return;
        }
        Report report = em.find(Report.class, id);
        long version = report.version;
        switch (s.action()) {
            case SAVE -> {
                var c = s.content();
                as(by, s.at(), () -> reports.update(id, version, new ReportCreate(s.period(), null, null, null, c.value(), c.progress(),
                        c.achievements(), c.difficulties(), c.proposals(), null)));
            }
            case EVIDENCE -> attach(s, by, id, version, state);
            case SUBMIT -> as(by, s.at(), () -> reports.submit(id, version));
            case RETURN -> as(by, s.at(), () -> reports.sendBack(id, version, s.comment()));
            case ACCEPT -> as(by, s.at(), () -> reports.accept(id, version, s.comment()));
            default -> throw new IllegalStateException("unexpected step " + s.action());
        }
    }

    private void attach(Step s, Caller by, UUID reportId, long version, State state) {
        HistoryScript.Document d = s.document();
        UUID known = state.documents.get(d.fileName());
        if (known != null && em.find(vn.dti.tracker.evidence.Evidence.class, known) != null) {
            as(by, s.at(), () -> evidence.attach(reportId, version, known));
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("demo-evidence", ".pdf");
            Files.write(file, DemoDocuments.pdf(d.title(), d.body()));
            long size = Files.size(file);
            Path upload = file;
            // A document is dated no later than its first use (the script dates it by the report it was made for).
            LocalDate day = clock.dayOf(s.at());
            LocalDate dated = d.docDate().isAfter(day) ? day : d.docDate();
            UUID id = as(by, s.at(), () -> evidence.upload(new EvidenceService.Upload(upload, d.fileName(), size, null, null),
                    new EvidenceService.FormDescription(d.title(), d.docNumber(), dated, d.issuer(), null), List.of(reportId)).id());
            state.documents.put(d.fileName(), id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debugf("Could not remove %s: %s", file, e.getMessage());
                }
            }
        }
    }

    /** Runs a service call as {@code person} at {@code at}. */
    private static <T> T as(Caller person, Instant at, Supplier<T> work) {
        return AccessPolicy.asPerson(person, () -> Entities.asOf(at, work));
    }

    private static void as(Caller person, Instant at, Runnable work) {
        as(person, at, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Names the actor and the moment of what follows in this transaction for the audit trail (the V2 and V13 triggers),
     * as the connection's tagging does for a request.
     */
    private void stamp(Caller by, Instant at) {
        em.createNativeQuery("select set_config('dti.actor_kind', :kind, true), set_config('dti.actor_id', :id, true),"
                + " set_config('dti.actor_name', :name, true), set_config('dti.client_ip', '', true),"
                + " set_config('dti.occurred_at', :at, true)")
                .setParameter("kind", by.kind().name()).setParameter("id", by.id() == null ? "" : by.id().toString())
                .setParameter("name", by.name()).setParameter("at", at.toString()).getResultList();
    }

    /** A person reads what came before the last few days; the latest stay unread, as they would be. */
    private void readOldNotifications(LocalDate today) {
        Instant before = today.minusDays(3).atStartOfDay(clock.zone()).toInstant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update notification set read_at = created_at + interval '2 hours' where read_at is null and created_at < :before")
                .setParameter("before", java.time.OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate());
    }
}
