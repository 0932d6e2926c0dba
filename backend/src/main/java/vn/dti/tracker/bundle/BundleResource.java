package vn.dti.tracker.bundle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.dti.tracker.auth.Role.Names;

@Path("/v1/plan-bundles")
@Tag(name = "Plan bundles", description = "A whole plan in one JSON document: export, import, dry run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BundleResource {

    private final BundleImporter importer;

    public BundleResource(BundleImporter importer) {
        this.importer = importer;
    }

    @POST
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "importPlanBundle", summary = "Import a plan bundle, or preview it with dryRun=true",
            description = "Everything is matched by code: existing objects are updated, missing ones created, indicators, tasks and groups the bundle no longer lists are removed. All or nothing."
                    + " Over a plan already stored, the import requires `If-Match` with the ETag of that plan's bundle as it stands: the"
                    + " ETag of its export (`exportPlanBundle`) or the `etag` of a dry run's answer; a plan changed since is refused (412)"
                    + " with the current ETag. A dry run needs none, and a new plan none.")
    @APIResponse(responseCode = "200", description = "What was (or, in a dry run, would be) created, updated and removed",
            content = @Content(schema = @Schema(implementation = BundleImportResult.class)))
    public Response importBundle(@QueryParam("dryRun") @Parameter(description = "Check and report without changing anything") boolean dryRun,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the stored plan's bundle the import is based on (a plan already stored)")
            String ifMatch,
            @Valid @NotNull PlanBundle bundle) {
        return Response.ok(importer.importBundle(bundle, dryRun, ifMatch)).build();
    }
}
