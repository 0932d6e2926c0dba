package vn.dti.tracker.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.common.ScheduledJobs;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * The reminder pass fires every hour on every instance and runs on one of them per interval
 * ({@link ScheduledJobs}); its dedup keys would make a second run add nothing anyway. The outbox is
 * sent through SMTP only when {@code dti.mail.smtp-enabled} is set; each instance takes pending mails
 * with SKIP LOCKED, so none is sent twice.
 */
@ApplicationScoped
public class ReminderJobs {

    private static final Logger LOG = Logger.getLogger(ReminderJobs.class);

    private final NotificationService notifications;
    private final ReportingClock clock;
    private final EntityManager em;
    private final Mailer mailer;
    private final boolean smtp;
    private final ScheduledJobs jobs;
    private final Duration every;

    public ReminderJobs(NotificationService notifications, ReportingClock clock, EntityManager em, Mailer mailer,
            @ConfigProperty(name = "dti.mail.smtp-enabled", defaultValue = "false") boolean smtp, ScheduledJobs jobs,
            @ConfigProperty(name = "dti.reporting.reminder-interval", defaultValue = "1h") String every) {
        this.jobs = jobs;
        this.every = ScheduledJobs.interval(every);
        this.notifications = notifications;
        this.clock = clock;
        this.em = em;
        this.mailer = mailer;
        this.smtp = smtp;
    }

    @Scheduled(every = "${dti.reporting.reminder-interval:1h}", delayed = "${dti.reporting.reminder-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        jobs.turn("reminders", every, () -> {
            int made = AccessPolicy.asSystem(() -> notifications.remind(clock.today()));
            if (made > 0) {
                LOG.infof("Reminders: %d notifications made", made);
            }
        });
    }

    @Scheduled(every = "${dti.mail.send-interval:1m}", delayed = "${dti.reporting.reminder-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendMail() {
        if (!smtp) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> pending = em.createNativeQuery("""
                    select id, to_address, subject, body from mail_outbox where sent_at is null and attempts < 5
                    order by created_at limit 50 for update skip locked""").getResultList();
            for (Object[] m : pending) {
                String error = null;
                try {
                    mailer.send(Mail.withText((String) m[1], (String) m[2], (String) m[3]));
                } catch (RuntimeException e) {
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                em.createNativeQuery("update mail_outbox set attempts = attempts + 1, sent_at = cast(:sent as timestamptz), last_error = cast(:error as text) where id = :id")
                        .setParameter("sent", error == null ? OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC) : null)
                        .setParameter("error", error).setParameter("id", (UUID) m[0]).executeUpdate();
            }
        });
    }
}
