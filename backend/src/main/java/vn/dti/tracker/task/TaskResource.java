package vn.dti.tracker.task;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import vn.dti.tracker.common.Created;
import vn.dti.tracker.common.Page;
import vn.dti.tracker.common.PageRequest;
import vn.dti.tracker.common.Versions;
import vn.dti.tracker.task.TaskDtos.TaskInput;
import vn.dti.tracker.task.TaskDtos.TaskView;

@Path("/v1/plans/{planId}/tasks")
@Tag(name = "Tasks", description = "Nhiệm vụ: tasks of a plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService service;

    public TaskResource(TaskService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "listTasks", summary = "List the tasks of a plan",
            description = "In plan order by default; filter by text (diacritics optional), group, a unit (lead or cooperating), progress, or `updatedSince`.")
    public Page<TaskView> list(@PathParam("planId") UUID planId,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @QueryParam("sort") @Parameter(description = "`order`, `code`, `progress` or `updatedAt`, with `,asc` or `,desc`") String sort,
            @QueryParam("q") @Parameter(example = "tuyen truyen") String q,
            @QueryParam("groupId") UUID groupId,
            @QueryParam("unitId") @Parameter(description = "Tasks this unit leads or cooperates on") UUID unitId,
            @QueryParam("progress") TaskEnums.Progress progress,
            @QueryParam("updatedSince") OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, TaskService.SORTABLE, "g.position asc, t.position asc, t.code asc");
        return service.list(planId, new TaskService.Filter(q, groupId, unitId, progress, updatedSince), request);
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR, Names.UNIT_REPORTER, Names.VIEWER, Names.SERVICE_ACCOUNT})
    @Operation(operationId = "getTask", summary = "Read one task")
    @APIResponse(responseCode = "200", description = "The task; its ETag is its version",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response get(@PathParam("planId") UUID planId, @PathParam("taskId") UUID taskId) {
        TaskView view = service.get(planId, taskId);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @POST
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "createTask", summary = "Add a task to a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response create(@PathParam("planId") UUID planId, @Valid @NotNull TaskInput body) {
        TaskView view = service.create(planId, body);
        return Created.at("/api/v1/plans/" + planId + "/tasks/" + view.id()).entity(view)
                .tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{taskId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "updateTask", summary = "Replace a task's description, units, timeframe and progress",
            description = "Requires `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response update(@PathParam("planId") UUID planId, @PathParam("taskId") UUID taskId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being edited", required = true) String ifMatch,
            @Valid @NotNull TaskInput body) {
        TaskView view = service.update(planId, taskId, Versions.requireIfMatch(ifMatch), body);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{taskId}")
    @RolesAllowed({Names.ADMIN, Names.PROVINCE_COORDINATOR, Names.COMMUNE_COORDINATOR})
    @Operation(operationId = "deleteTask", summary = "Delete a task")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("planId") UUID planId, @PathParam("taskId") UUID taskId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version being deleted", required = true) String ifMatch) {
        service.delete(planId, taskId, Versions.requireIfMatch(ifMatch));
    }
}
