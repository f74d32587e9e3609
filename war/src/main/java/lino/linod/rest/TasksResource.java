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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
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
import lino.linod.site.Settings;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.procedure.ProcedureRegistry;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Unit;
import lino.linod.recurrence.Violation;
import lino.linod.run.Runs;
import lino.linod.task.Change;
import lino.linod.task.LogLevel;
import lino.linod.task.StaleVersionException;
import lino.linod.task.SystemTask;
import lino.linod.task.SystemTasks;
import lino.linod.task.TaskChange;
import lino.linod.task.TaskList;

/** {@code /api/tasks}: the system tasks, their runs and their audit trail; Run now and Cancel request. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    static final Set<String> CREATE_FIELDS = Set.of("procedure", "every", "unit", "name");
    static final Set<String> CHANGE_FIELDS = Set.of("version", "name", "seqno", "logLevel", "disabled",
            "recurrence", "parameters");
    static final int MAX_PAGE_SIZE = 200;
    /** The tasks are listed 50 at a time unless asked for other pages: up to 1,000 a page. */
    static final int TASKS_PAGE_SIZE = 50;
    static final int MAX_TASKS_PAGE_SIZE = 1000;
    /** The audit trail is answered in pages too: the newest 1,000 changes unless asked for others. */
    static final int MAX_CHANGES_PAGE_SIZE = 1000;

    @EJB
    SystemTasks tasks;

    @EJB
    Runs runs;

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
        return Views.task(t, clock.instant(), settings.zone(), registry.find(t.getProcedure()).isPresent());
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
    public Response one(@PathParam("id") String id) {
        SystemTask task = found(id);
        return Response.ok(view(task).toString()).tag(new EntityTag(String.valueOf(task.getRevision()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        Body body = Body.parse(json, CREATE_FIELDS);
        String procedure = body.string("procedure", 100);
        String name = body.string("name", SystemTask.NAME_LENGTH);
        Integer every = body.integer("every");
        String unit = body.string("unit", 20);
        if (!body.present("procedure")) {
            body.violations.add(new Violation("procedure", "is required"));
        }
        Recurrence recurrence = null;
        if (body.violations.isEmpty()) {
            recurrence = recurrence(procedure, every, unit, body);
        }
        body.check();
        SystemTask task = tasks.create(name, procedure, recurrence, user(), clock.instant(), settings.zone());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(task.getId())).build())
                .entity(view(task).toString()).tag(new EntityTag(String.valueOf(task.getRevision()))).build();
    }

    /** Lino's insert form: every and unit, or the procedure's suggested recurrence when none is given. */
    private Recurrence recurrence(String procedure, Integer every, String unit, Body body) {
        Recurrence suggested = registry.find(procedure).map(ProcedureInfo::suggestedRecurrence)
                .map(Recurrence::parseSuggested).orElse(Recurrence.every(1, Unit.DAILY));
        if (every == null && unit == null) {
            return suggested;
        }
        Recurrence.Builder b = Recurrence.builder().every(every == null ? 1 : every);
        try {
            b.unit(unit == null ? suggested.unit() : Unit.ofLinoName(unit));
            return b.build();
        } catch (lino.linod.recurrence.InvalidRecurrenceException e) {
            e.violations().forEach(v -> body.violations.add(v.field().equals("unit") && unit != null
                    ? new Violation("unit", "unknown unit '" + unit + "'") : v));
            return null;
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String json) {
        long taskId = id(id);
        Body body = Body.parse(json, CHANGE_FIELDS);
        Long version = body.longValue("version", 0, Long.MAX_VALUE);
        Long matched = ifMatch == null ? null : ifMatch(ifMatch, taskId);
        if (version == null && matched == null && !body.has("version")) {
            body.violations.add(new Violation("version", "is required (or an If-Match header)"));
        }
        String name = body.string("name", SystemTask.NAME_LENGTH);
        Integer seqno = body.integer("seqno");
        LogLevel level = logLevel(body);
        Boolean disabled = body.bool("disabled");
        String parameters = body.string("parameters", TaskChange.PARAMETERS_LENGTH);
        Body nested = body.object("recurrence", RecurrenceJson.FIELDS);
        Recurrence recurrence = nested == null ? null : RecurrenceJson.read(nested);
        body.check();
        long expected = matched != null ? matched : version;
        TaskChange change = new TaskChange(expected, name, seqno, level, disabled, recurrence, parameters);
        try {
            SystemTask task = tasks.change(taskId, change, user(), clock.instant(), settings.zone())
                    .orElseThrow(NotFoundException::new);
            return Response.ok(view(task).toString()).tag(new EntityTag(String.valueOf(task.getRevision())))
                    .build();
        } catch (StaleVersionException e) {
            if (matched != null) {
                throw new WebApplicationException(Problem.response(412, "Precondition Failed", e.getMessage()));
            }
            throw e;
        }
    }

    private static LogLevel logLevel(Body body) {
        String text = body.string("logLevel", 20);
        if (text == null) {
            return null;
        }
        try {
            return LogLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            body.violations.add(new Violation("logLevel", "one of DEBUG, INFO, WARNING, ERROR, CRITICAL"));
            return null;
        }
    }

    /** The version an If-Match header names; {@code *} means the current one. */
    private Long ifMatch(String header, long taskId) {
        String value = header.trim();
        if (value.equals("*")) {
            return tasks.find(taskId).map(SystemTask::getRevision).orElseThrow(NotFoundException::new);
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WebApplicationException(Problem.response(412, "Precondition Failed",
                    "If-Match must name a version, like \"3\"."));
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        long taskId = id(id);
        Long expected = ifMatch == null ? null : ifMatch(ifMatch, taskId);
        try {
            if (!tasks.delete(taskId, expected, user(), clock.instant())) {
                throw new NotFoundException();
            }
        } catch (StaleVersionException e) {
            throw new WebApplicationException(Problem.response(412, "Precondition Failed", e.getMessage()));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/run-now")
    public String runNow(@PathParam("id") String id) {
        long taskId = id(id);
        String message = tasks.requestRun(taskId, user(), clock.instant(), settings.zone())
                .orElseThrow(NotFoundException::new);
        return JsonP.JSON.createObjectBuilder().add("message", message).add("task", view(found(id))).build().toString();
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
            @QueryParam("size") @DefaultValue("1000") String size) {
        long taskId = id(id);
        int p = number("page", page, 0, 1_000_000);
        int s = number("size", size, 1, MAX_CHANGES_PAGE_SIZE);
        List<Change> changes = tasks.changes(taskId, p * s, s);
        // A deleted task keeps its audit trail.
        if (changes.isEmpty() && tasks.find(taskId).isEmpty()) {
            throw new NotFoundException();
        }
        JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
        changes.forEach(c -> list.add(Views.change(c, settings.zone())));
        return list.build().toString();
    }
}
