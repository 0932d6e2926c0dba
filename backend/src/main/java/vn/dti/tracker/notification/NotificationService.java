package vn.dti.tracker.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.notification.NotificationDtos.MailView;
import vn.dti.tracker.notification.NotificationDtos.NotificationView;
import vn.dti.tracker.reporting.ReportReviewed;
import vn.dti.tracker.reporting.ReportingClock;
import vn.dti.tracker.reporting.ReportingSettings;

/**
 * Owners who are never reminded never report. Before each deadline (by default 3 days and 1 day) the
 * people of every unit with something still due are reminded; once it has passed, they and the plan's
 * coordinators are told the unit is late. Each reminder is inserted with a dedup key under a unique
 * constraint, so it exists once per person even when several instances run the job at once; its
 * e-mail is queued in the same statement. The database picks who is told of what; the words people
 * read are written in {@link NotificationTexts}.
 */
@ApplicationScoped
public class NotificationService {

    /** People who write a unit's reports: its reporters, and its coordinators (who also report for their own office). */
    static final String WRITERS = "exists (select 1 from app_user_role ur where ur.user_id = u.id"
            + " and ur.role in ('UNIT_REPORTER', 'COMMUNE_COORDINATOR', 'PROVINCE_COORDINATOR'))";

    /**
     * Lead assignments of a unit in a due period (ReportingRules, in its SQL form) whose report does not stand as sent: none, a
     * draft, or returned. Once the deadline has passed these are exactly the overdue ones. Periods already sent up are not chased.
     */
    static final String PENDING = """
            select a.period_id, a.unit_id, count(*) as items, rp.period_key, rp.unit_deadline, pl.id as plan_id,
                   pl.document_number as plan_number, pl.title as plan_title, pl.coordinator_unit_id, ou.name as unit_name
              from assignment a
              join reporting_period rp on rp.id = a.period_id
              join plan pl on pl.id = a.plan_id
              join org_unit ou on ou.id = a.unit_id
              left join report r on r.unit_id = a.unit_id and r.period_id = a.period_id and coalesce(r.indicator_id, r.task_id) = a.item_id
             where a.role = 'LEAD' and reporting_period_due(pl.status, pl.issue_date, pl.effective_date, rp.ends_on) and rp.sent_up_at is null
               and not reporting_stands_submitted(r.state) and %s
             group by a.period_id, a.unit_id, rp.period_key, rp.unit_deadline, pl.id, pl.document_number, pl.title, pl.coordinator_unit_id,
                      ou.name
            """;

    /**
     * Who is told of what a unit owes ({@code who}, joining app_user u to the pending rows d), with the key that makes each
     * notification once ({@code key}); those already told are left out, so a pass that finds nothing new writes nothing.
     */
    static final String OWED = """
            select u.id as user_id, d.items, d.period_key, d.unit_deadline, d.plan_number, d.plan_title, d.unit_name, d.dedup_key
              from (select p.*, %2$s as dedup_key from (%1$s) p) d join app_user u on u.active and %3$s
             where not exists (select 1 from notification n where n.user_id = u.id and n.dedup_key = d.dedup_key)
            """;

    /** Inserts one notification, unless its person already has one of the same key, and queues its e-mail. */
    static final String INSERT = """
            with ins as (
                insert into notification (id, user_id, kind, title, body, link, dedup_key, created_at)
                values (gen_random_uuid(), :user, :kind, :title, :body, :link, :dedup, :now)
                on conflict (user_id, dedup_key) do nothing
                returning id, user_id, title, body),
            mail as (
                insert into mail_outbox (id, notification_id, to_address, subject, body, created_at)
                select gen_random_uuid(), ins.id, u.email, ins.title, ins.body, :now from ins join app_user u on u.id = ins.user_id
                 where u.email is not null
                returning 1)
            select count(*) from ins
            """;

    private final EntityManager em;
    private final AccessPolicy access;
    private final ReportingClock clock;
    private final List<Integer> daysBefore;

    public NotificationService(EntityManager em, AccessPolicy access, ReportingClock clock, ReportingSettings settings) {
        this.em = em;
        this.access = access;
        this.clock = clock;
        this.daysBefore = List.copyOf(settings.reminderDaysBefore());
    }

    /** One pass of the reminder job for a day; running it again the same day adds nothing. Returns how many notifications it made. */
    @Transactional
    public int remind(LocalDate today) {
        int made = 0;
        String writers = "u.org_unit_id = d.unit_id and " + WRITERS;
        for (int days : daysBefore) {
            String due = PENDING.formatted("rp.unit_deadline = cast(:day as date)");
            String key = "'due:' || p.period_id || ':' || p.unit_id || ':' || " + days;
            for (Tuple t : owed(due, key, writers, today.plusDays(days))) {
                made += insert(t, "DEADLINE_SOON", NotificationTexts.deadlineSoon(owed(t)), "/my-work?period=" + t.get("period_key"));
            }
        }
        // Once a deadline has passed (looking back a week, so a stopped server catches up): the unit, then its coordinators.
        String late = PENDING.formatted("reporting_overdue(true, a.role, rp.unit_deadline, r.state, cast(:day as date))"
                + " and rp.unit_deadline >= cast(:day as date) - 7");
        for (Tuple t : owed(late, "'late:' || p.period_id || ':' || p.unit_id", writers, today)) {
            made += insert(t, "DEADLINE_PASSED", NotificationTexts.deadlinePassed(owed(t)), "/my-work?period=" + t.get("period_key"));
        }
        String coordinators = "u.org_unit_id = d.coordinator_unit_id and exists (select 1 from app_user_role ur where ur.user_id = u.id"
                + " and ur.role in ('COMMUNE_COORDINATOR', 'PROVINCE_COORDINATOR'))";
        for (Tuple t : owed(late, "'late-unit:' || p.period_id || ':' || p.unit_id", coordinators, today)) {
            made += insert(t, "UNIT_LATE", NotificationTexts.unitLate(owed(t)), "/review?period=" + t.get("period_key"));
        }
        return made;
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> owed(String pending, String key, String who, LocalDate day) {
        return em.createNativeQuery(OWED.formatted(pending, key, who), Tuple.class).setParameter("day", day).getResultList();
    }

    private static NotificationTexts.Owed owed(Tuple t) {
        Object deadline = t.get("unit_deadline");
        return new NotificationTexts.Owed((String) t.get("unit_name"), ((Number) t.get("items")).longValue(), (String) t.get("period_key"),
                deadline instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) deadline, (String) t.get("plan_number"),
                (String) t.get("plan_title"));
    }

    private int insert(Tuple t, String kind, NotificationTexts.Text text, String link) {
        return insert((UUID) t.get("user_id"), kind, text, link, (String) t.get("dedup_key"));
    }

    private int insert(UUID user, String kind, NotificationTexts.Text text, String link, String dedupKey) {
        return ((Number) em.createNativeQuery(INSERT).setParameter("user", user).setParameter("kind", kind)
                .setParameter("title", text.title()).setParameter("body", text.body()).setParameter("link", link)
                .setParameter("dedup", dedupKey).setParameter("now", now()).getSingleResult()).intValue();
    }

    /** A report was returned or accepted: its unit's people are told, once per review, in the review's transaction. */
    void reviewed(@Observes ReportReviewed event) {
        @SuppressWarnings("unchecked")
        List<Tuple> people = em.createNativeQuery("""
                select u.id as user_id, coalesce(i.code, t.code) as item_code, rp.period_key, r.version
                  from report r join reporting_period rp on rp.id = r.period_id
                  left join indicator i on i.id = r.indicator_id left join task t on t.id = r.task_id
                  join app_user u on u.org_unit_id = r.unit_id and u.active and %s
                 where r.id = :report""".formatted(WRITERS), Tuple.class).setParameter("report", event.reportId()).getResultList();
        String kind = event.accepted() ? "REPORT_ACCEPTED" : "REPORT_RETURNED";
        for (Tuple p : people) {
            NotificationTexts.Text text = NotificationTexts.reviewed(event.accepted(), (String) p.get("item_code"), (String) p.get("period_key"),
                    event.comment());
            insert((UUID) p.get("user_id"), kind, text, "/my-work/reports/" + event.reportId(),
                    "review:" + event.reportId() + ":" + ((Number) p.get("version")).longValue());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    // ---- the person's own notifications ----

    @Transactional
    public Page<NotificationView> mine(boolean unreadOnly, PageRequest page) {
        UUID user = person();
        String where = " where n.user_id = :user" + (unreadOnly ? " and n.read_at is null" : "");
        long total = ((Number) em.createNativeQuery("select count(*) from notification n" + where).setParameter("user", user)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at from notification n"
                + where + " order by n.created_at desc, n.id limit " + page.size() + " offset " + page.offset())
                .setParameter("user", user).getResultList();
        List<NotificationView> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new NotificationView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], Entities.utc(r[5]), Entities.utc(r[6])));
        }
        return Page.of(items, page, total);
    }

    @Transactional
    public long unreadCount() {
        return ((Number) em.createNativeQuery("select count(*) from notification where user_id = :user and read_at is null")
                .setParameter("user", person()).getSingleResult()).longValue();
    }

    /** Marks the caller's notifications read: the listed ones, or all; others' ids are not the caller's and change nothing. */
    @Transactional
    public void markRead(List<UUID> ids) {
        var q = em.createNativeQuery("update notification set read_at = :now where user_id = :user and read_at is null"
                + (ids == null || ids.isEmpty() ? "" : " and id in (:ids)")).setParameter("now", now()).setParameter("user", person());
        if (ids != null && !ids.isEmpty()) {
            q.setParameter("ids", ids);
        }
        q.executeUpdate();
    }

    @Transactional
    public Page<MailView> outbox(PageRequest page) {
        long total = ((Number) em.createNativeQuery("select count(*) from mail_outbox").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, to_address, subject, body, created_at, sent_at, attempts, last_error"
                + " from mail_outbox order by created_at desc, id limit " + page.size() + " offset " + page.offset())
                .getResultList();
        List<MailView> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new MailView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], Entities.utc(r[4]), Entities.utc(r[5]),
                    ((Number) r[6]).intValue(), (String) r[7]));
        }
        return Page.of(items, page, total);
    }

    private UUID person() {
        Caller caller = access.caller();
        if (caller.kind() != Caller.Kind.USER) {
            throw DomainException.forbidden("access.denied", "Chỉ tài khoản người dùng mới có thông báo.");
        }
        return caller.id();
    }

}
