package vn.dti.tracker.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of notifications and the mail outbox. */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    @Schema(name = "Notification", description = "A reminder or a review outcome for the signed-in person")
    public record NotificationView(UUID id,
            @Schema(examples = "DEADLINE_SOON", description = "DEADLINE_SOON, DEADLINE_PASSED, UNIT_LATE, REPORT_RETURNED or REPORT_ACCEPTED") String kind,
            String title, String body, @Schema(nullable = true, description = "Where in the web app it leads") String link,
            OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime readAt) {
    }

    @Schema(name = "UnreadCount")
    public record UnreadCount(long unread) {
    }

    @Schema(name = "MarkRead", description = "Notifications to mark read; none listed means all of the caller's")
    public record MarkRead(@Size(max = 500) @Schema(nullable = true) List<UUID> ids) {
    }

    @Schema(name = "OutboxMail", description = "An e-mail the product sent, or holds while no SMTP server is configured")
    public record MailView(UUID id, String to, String subject, String body, OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime sentAt, int attempts, @Schema(nullable = true) String lastError) {
    }
}
