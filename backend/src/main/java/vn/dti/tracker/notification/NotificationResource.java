package vn.dti.tracker.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.notification.NotificationDtos.MailView;
import vn.dti.tracker.notification.NotificationDtos.MarkRead;
import vn.dti.tracker.notification.NotificationDtos.NotificationView;
import vn.dti.tracker.notification.NotificationDtos.UnreadCount;

@Path("/v1")
@Tag(name = "Notifications", description = "Reminders before and after deadlines, review outcomes, and the e-mail outbox")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService service;

    public NotificationResource(NotificationService service) {
        this.service = service;
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER})
    @Operation(operationId = "listNotifications", summary = "The signed-in person's notifications, newest first")
    public Page<NotificationView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("unread") boolean unread) {
        return service.mine(unread, PageRequest.of(page, size, null, java.util.Map.of(), "created_at desc"));
    }

    @GET
    @Path("/notifications/unread-count")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER})
    @Operation(operationId = "countUnreadNotifications", summary = "How many of the signed-in person's notifications are unread")
    public UnreadCount unread() {
        return new UnreadCount(service.unreadCount());
    }

    @POST
    @Path("/notifications/read")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER})
    @Operation(operationId = "markNotificationsRead", summary = "Mark the listed notifications (or all) of the signed-in person read",
            description = "Idempotent by design, so it needs no `If-Match`: a notification read stays read, however often or by how many"
                    + " of the person's sessions it is marked.")
    @APIResponse(responseCode = "204", description = "Marked")
    public void markRead(@Valid MarkRead body) {
        service.markRead(body == null ? null : body.ids());
    }

    @GET
    @Path("/mail-outbox")
    @RolesAllowed(Names.ADMIN)
    @Operation(operationId = "listMailOutbox", summary = "Every e-mail sent or waiting, newest first",
            description = "Administrators only. Without an SMTP server configured, reminders stay here instead of being sent.")
    public Page<MailView> outbox(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.outbox(PageRequest.of(page, size, null, java.util.Map.of(), "created_at desc"));
    }
}
