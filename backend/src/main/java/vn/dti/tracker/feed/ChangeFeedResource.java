package vn.dti.tracker.feed;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.feed.ChangeFeed.ChangePage;

@Path("/v1/changes")
@Tag(name = "Changes", description = "The change feed: every change of plans, indicators, tasks, periods, reports and evidence, in order")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeed feed;

    public ChangeFeedResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listChanges", summary = "Read the change feed from a cursor",
            description = "Changes of the data in the caller's scope, oldest first, each once: follow `next` until `hasMore` is false, save"
                    + " the last `next`, and resume from it on the next pull. Without `after`, from the beginning. Deletions come as"
                    + " DELETED tombstones. A cursor is tied to the caller's scope and valid for 90 days.")
    public ChangePage list(@QueryParam("after") @Parameter(description = "The `next` of the previous page") String after,
            @QueryParam("types") @Parameter(description = "Comma-separated: PLAN, PLAN_GROUP, INDICATOR, TASK, PERIOD, REPORT, EVIDENCE") List<String> types,
            @QueryParam("limit") @Parameter(description = "1 to 1000; default 200") Integer limit) {
        int n = limit == null ? 200 : limit;
        if (n < 1 || n > 1000) {
            throw DomainException.invalidField("limit", "changes.limit-invalid", "Số thay đổi mỗi trang từ 1 đến 1000.");
        }
        return feed.read(after, types, n);
    }

    @GET
    @Path("/now")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getChangeCursorNow", summary = "A cursor at the present",
            description = "For a client that has just loaded everything (lists or exports): changes after this moment follow from it.")
    public ChangeCursor now() {
        return new ChangeCursor(feed.now());
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ChangeCursor", description = "A cursor to read the change feed from")
    public record ChangeCursor(String next) {
    }
}
