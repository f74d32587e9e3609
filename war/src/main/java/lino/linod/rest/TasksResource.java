package lino.linod.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lino.linod.daemon.Daemon;
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;
import lino.linod.run.Runs;
import lino.linod.task.Change;
import lino.linod.task.NewTask;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TaskChange;
import lino.linod.task.TaskList;

/** {@code /api/tasks}: the system tasks, their runs and their audit trail; Run now and Cancel request. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    /** JSON merge patch (RFC 7396), what PATCH takes. */
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final int MAX_PAGE_SIZE = 200;
    /** The tasks are listed 50 at a time unless asked for other pages: up to 1,000 a page. */
    static final int TASKS_PAGE_SIZE = 50;
    static final int MAX_TASKS_PAGE_SIZE = 1000;
    /** The audit trail is answered in pages like the runs: the newest 50 changes unless asked for others. */
    static final int CHANGES_PAGE_SIZE = 50;
    static final int MAX_CHANGES_PAGE_SIZE = 1000;

    @EJB
    SystemTasks tasks;

    @EJB
    Runs runs;

    /** Run now: the daemon starts the run on this node when it can. */
    @EJB
    Daemon daemon;

    @Inject
    ProcedureRegistry registry;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private JsonObject view(SystemTask t) {
        return view(t, clock.instant());
    }

    private JsonObject view(SystemTask t, java.time.Instant now) {
        java.util.Optional<ProcedureInfo> procedure = registry.find(t.getProcedure());
        return Views.task(t, now, settings.zone(), procedure.isPresent(),
                procedure.map(ProcedureInfo::typed).orElse(false));
    }

    private SystemTask found(String id) {
        return tasks.find(id(id)).orElseThrow(NotFoundException::new);
    }

    /**
     * One page of the system tasks in No. order, filtered by state, procedure and a text in the name; with the
     * number of tasks that match, so that a client knows how many pages there are.
     */
    @GET
    public String list(@QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("" + TASKS_PAGE_SIZE) String size,
            @QueryParam("state") @DefaultValue("all") String state, @QueryParam("procedure") String procedure,
            @QueryParam("text") String text) {
        List<Violation> violations = new ArrayList<>();
        Integer p = number("page", page, 0, 1_000_000, violations);
        Integer s = number("size", size, 1, MAX_TASKS_PAGE_SIZE, violations);
        TaskList.State st = TaskList.State.ofApiName(state).orElse(null);
        if (st == null) {
            violations.add(new Violation("state", "one of " + TaskList.State.apiNames()));
        }
        if (procedure != null && procedure.length() > TaskList.PROCEDURE_LENGTH) {
            violations.add(new Violation("procedure", "must be at most " + TaskList.PROCEDURE_LENGTH + " characters"));
        }
        if (text != null && text.length() > SystemTask.NAME_LENGTH) {
            violations.add(new Violation("text", "must be at most " + SystemTask.NAME_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new lino.linod.task.InvalidInputException(violations);
        }
        TaskList.Page found = tasks.list(new TaskList(st, procedure, text, TaskList.Sort.SEQNO, false), p * s, s);
        JsonArrayBuilder items = JsonP.JSON.createArrayBuilder();
        found.tasks().forEach(t -> items.add(view(t)));
        return JsonP.JSON.createObjectBuilder().add("page", p).add("size", s).add("total", found.total())
                .add("items", items).build().toString();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        JsonObject view = view(found(id));
        String etag = TaskJson.etag(view);
        if (ifNoneMatch != null && TaskJson.ifNoneMatch(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(view.toString()).header("ETag", etag).build();
    }

    /**
     * Creates a task from its representation: {@code procedure} and any of the settings (the others get their
     * defaults, the recurrence the procedure's suggested one), all in one transaction, so that a task never runs
     * with settings meant to be changed right after. Read-only fields are ignored.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        Body body = Body.parse(json, TaskJson.FIELDS);
        String procedure = body.string("procedure", 100);
        if (!body.has("procedure")) {
            body.violations.add(new Violation("procedure", "is required"));
        }
        // Absent settings get their defaults; a null one is a mistake (only the parameters may be null).
        for (String setting : TaskJson.WRITABLE) {
            if (!setting.equals("parameters") && body.present(setting) && !body.has(setting)) {
                body.violations.add(new Violation(setting, "must not be null (leave it out for the default)"));
            }
        }
        body.longValue("id", Long.MIN_VALUE, Long.MAX_VALUE);
        body.longValue("revision", 0, Long.MAX_VALUE);
        TaskJson.Settings wanted = TaskJson.read(body, List.of());
        TaskJson.checkParametersKind(body, wanted, procedure != null
                && registry.find(procedure).map(ProcedureInfo::typed).orElse(false));
        body.check();
        SystemTask task = tasks.create(new NewTask(procedure, wanted.name(), wanted.seqno(), wanted.logLevel(),
                wanted.disabled(), wanted.recurrence(), wanted.parameters(), wanted.policies()), user(), clock.instant(),
                settings.zone());
        JsonObject view = view(task);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(task.getId())).build())
                .entity(view.toString()).header("ETag", TaskJson.etag(view)).build();
    }

    /**
     * Replaces a task's settings with those of the representation (what GET answered, changed): every setting
     * but the parameters is required. Based on the {@code revision} in the body or on the representation that
     * {@code If-Match} names (at least one of them).
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String json) {
        SystemTask current = found(id);
        Body body = Body.parse(json, TaskJson.FIELDS);
        Long revision = body.longValue("revision", 0, Long.MAX_VALUE);
        if (ifMatch == null && !body.has("revision")) {
            body.violations.add(new Violation("revision", "is required (or an If-Match header)"));
        }
        TaskJson.checkIdentity(body, current);
        TaskJson.Settings wanted = TaskJson.read(body, TaskJson.REQUIRED_FOR_PUT);
        TaskJson.checkParametersKind(body, wanted, typed(current));
        body.check();
        return change(current.getId(), revision, ifMatch, wanted, wanted.parameters() == null ? ""
                : wanted.parameters());
    }

    /**
     * Changes some of a task's settings: a JSON merge patch (RFC 7396) applied to its representation. A
     * {@code revision} in the patch or an {@code If-Match} header makes it conditional; neither is required.
     */
    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String json) {
        SystemTask current = found(id);
        Body patch = Body.parse(json, TaskJson.FIELDS);
        Long revision = patch.longValue("revision", 0, Long.MAX_VALUE);
        TaskJson.checkIdentity(patch, current);
        patch.check();
        JsonObject merged = TaskJson.merge(view(current), patch.json()).asJsonObject();
        Body body = Body.of(merged, TaskJson.FIELDS);
        TaskJson.Settings wanted = TaskJson.read(body, TaskJson.REQUIRED_FOR_PUT);
        TaskJson.checkParametersKind(body, wanted, typed(current));
        body.check();
        return change(current.getId(), revision, ifMatch, wanted, wanted.parameters() == null ? ""
                : wanted.parameters());
    }

    private boolean typed(SystemTask task) {
        return registry.find(task.getProcedure()).map(ProcedureInfo::typed).orElse(false);
    }

    private Response change(long taskId, Long revision, String ifMatch, TaskJson.Settings wanted,
            String parameters) {
        java.time.Instant now = clock.instant();
        TaskChange change = new TaskChange(revision, wanted.name(), wanted.seqno(), wanted.logLevel(),
                wanted.disabled(), wanted.recurrence(), parameters, ifMatch == null ? null
                        : t -> TaskJson.ifMatch(ifMatch, TaskJson.etag(view(t, now))), wanted.policies());
        SystemTask task = tasks.change(taskId, change, user(), now, settings.zone()).orElseThrow(NotFoundException::new);
        JsonObject view = view(task);
        return Response.ok(view.toString()).header("ETag", TaskJson.etag(view)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        long taskId = id(id);
        java.time.Instant now = clock.instant();
        if (!tasks.delete(taskId, ifMatch == null ? null
                : t -> TaskJson.ifMatch(ifMatch, TaskJson.etag(view(t, now))), user(), now)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/run-now")
    public String runNow(@PathParam("id") String id) {
        long taskId = id(id);
        String message = daemon.runNow(taskId, user()).orElseThrow(NotFoundException::new);
        return JsonP.JSON.createObjectBuilder().add("message", message).add("task", view(found(id))).build().toString();
    }

    /**
     * Stop run: asks the task's running run to stop; its procedure is asked at once and interrupted after the
     * grace period, and the run is recorded as interrupted, with who stopped it. 409 when the task runs nothing.
     */
    @POST
    @Path("{id}/stop-run")
    public String stopRun(@PathParam("id") String id) {
        long taskId = id(id);
        Runs.StopAnswer answer = daemon.stopRun(taskId, user()).orElseThrow(NotFoundException::new);
        if (!answer.asked()) {
            throw new jakarta.ws.rs.WebApplicationException(Problem.response(409, "Conflict", answer.message()));
        }
        jakarta.json.JsonObjectBuilder reply = JsonP.JSON.createObjectBuilder().add("message", answer.message())
                .add("run", answer.runId()).add("task", view(found(id)));
        return reply.build().toString();
    }

    @POST
    @Path("{id}/cancel-request")
    public String cancelRequest(@PathParam("id") String id) {
        long taskId = id(id);
        String message = tasks.cancelRequest(taskId, user(), clock.instant()).orElseThrow(NotFoundException::new);
        return JsonP.JSON.createObjectBuilder().add("message", message).add("task", view(found(id))).build().toString();
    }

    @GET
    @Path("{id}/runs")
    public String runs(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        SystemTask task = found(id);
        int p = number("page", page, 0, 1_000_000);
        int s = number("size", size, 1, MAX_PAGE_SIZE);
        JsonArrayBuilder items = JsonP.JSON.createArrayBuilder();
        runs.ofTask(task.getId(), p * s, s).forEach(r -> items.add(Views.run(r, settings.zone(), false)));
        return JsonP.JSON.createObjectBuilder().add("page", p).add("size", s).add("items", items).build().toString();
    }

    /** A whole number in bounds, or null with the violation added. */
    static Integer number(String field, String text, int min, int max, List<Violation> violations) {
        try {
            return number(field, text, min, max);
        } catch (lino.linod.task.InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    static int number(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new lino.linod.task.InvalidInputException(field, "must be a whole number from " + min + " to " + max);
    }

    @GET
    @Path("{id}/changes")
    public String changes(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("" + CHANGES_PAGE_SIZE) String size) {
        long taskId = id(id);
        int p = number("page", page, 0, 1_000_000);
        int s = number("size", size, 1, MAX_CHANGES_PAGE_SIZE);
        List<Change> changes = tasks.changes(taskId, p * s, s);
        // A deleted task keeps its audit trail.
        if (changes.isEmpty() && tasks.find(taskId).isEmpty()) {
            throw new NotFoundException();
        }
        JsonArrayBuilder items = JsonP.JSON.createArrayBuilder();
        changes.forEach(c -> items.add(Views.change(c, settings.zone())));
        return JsonP.JSON.createObjectBuilder().add("page", p).add("size", s).add("items", items).build().toString();
    }
}
