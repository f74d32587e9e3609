package lino.linod.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Violation;
import lino.linod.task.LogLevel;
import lino.linod.task.MisfirePolicy;
import lino.linod.task.OverlapPolicy;
import lino.linod.task.Policies;
import lino.linod.task.SystemTask;
import lino.linod.task.TaskChange;

/**
 * A system task's one representation in the API: what {@code GET /tasks/{id}} answers, what {@code POST /tasks}
 * creates from, what {@code PUT} replaces the settings with and what a {@code PATCH} (JSON merge patch) is merged
 * into. The settings a client may write are {@link #WRITABLE}; the {@link #READ_ONLY} ones may be sent back and
 * are ignored, except {@code id}, which must be the task's own, as must {@code procedure}.
 */
final class TaskJson {

    /** The settings a client writes. */
    static final Set<String> WRITABLE = Set.of("name", "seqno", "logLevel", "disabled", "recurrence", "parameters",
            "timeoutSeconds", "misfirePolicy", "overlapPolicy");
    /** What GET adds to the settings and a client may send back; it is ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "status", "when", "resolved", "nextRunTime", "lastStartTime",
            "lastEndTime", "requestedAt", "message");
    /**
     * Neither: {@code procedure} is given once, to POST (a PUT or PATCH may repeat it), {@code revision} is what a
     * PUT or PATCH is based on.
     */
    static final Set<String> IDENTITY = Set.of("procedure", "revision");
    /** Every field of the representation. */
    static final Set<String> FIELDS = union(union(WRITABLE, READ_ONLY), IDENTITY);
    /** What PUT must give: every setting but the parameters (absent: none). */
    static final List<String> REQUIRED_FOR_PUT = List.of("name", "seqno", "logLevel", "disabled", "recurrence");

    private TaskJson() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** The settings read from a body; null where the body has none (or a mistake, then a violation). */
    record Settings(String name, Integer seqno, LogLevel logLevel, Boolean disabled, Recurrence recurrence,
            String parameters, Policies policies, boolean parametersObject) {
    }

    /**
     * Reads the writable settings; {@code required} names those that must be there. The read-only fields, ignored,
     * must still be of their types (as the OpenAPI document says), so that a body the document refuses is refused.
     */
    static Settings read(Body body, List<String> required) {
        for (String text : List.of("status", "when", "message")) {
            body.string(text, Body.MAX_LENGTH);
        }
        body.bool("resolved");
        for (String instant : List.of("nextRunTime", "lastStartTime", "lastEndTime", "requestedAt")) {
            String value = body.string(instant, 40);
            if (value != null) {
                try {
                    java.time.OffsetDateTime.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    body.violations.add(new Violation(instant, "must be a date and time like 2026-12-03T20:00:00Z"));
                }
            }
        }
        for (String field : required) {
            if (!body.has(field)) {
                body.violations.add(new Violation(field, "is required"));
            }
        }
        String name = body.string("name", SystemTask.NAME_LENGTH);
        Long seqno = body.longValue("seqno", 1, TaskChange.MAX_SEQNO);
        LogLevel level = logLevel(body);
        Boolean disabled = body.bool("disabled");
        // A typed procedure's parameters are an object (passed on as its JSON text); others are a text.
        String parameters;
        boolean object = body.has("parameters")
                && body.json().get("parameters").getValueType() == JsonValue.ValueType.OBJECT;
        if (object) {
            parameters = body.json().get("parameters").toString();
            if (parameters.length() > TaskChange.PARAMETERS_LENGTH) {
                body.violations.add(new Violation("parameters", "must be at most " + TaskChange.PARAMETERS_LENGTH
                        + " characters as JSON"));
            }
        } else {
            parameters = body.string("parameters", TaskChange.PARAMETERS_LENGTH);
        }
        Body nested = body.object("recurrence", RecurrenceJson.FIELDS);
        Recurrence recurrence = nested == null ? null : RecurrenceJson.read(nested);
        Long timeout = body.longValue("timeoutSeconds", SystemTask.MIN_TIMEOUT_SECONDS,
                SystemTask.MAX_TIMEOUT_SECONDS);
        MisfirePolicy misfire = choice(body, "misfirePolicy", MisfirePolicy.class);
        OverlapPolicy overlap = choice(body, "overlapPolicy", OverlapPolicy.class);
        return new Settings(name, seqno == null ? null : seqno.intValue(), level, disabled, recurrence, parameters,
                new Policies(timeout, misfire, overlap), object);
    }

    /** One of an enum's names, or null (absent, or a mistake: then a violation naming the field). */
    private static <E extends Enum<E>> E choice(Body body, String field, Class<E> type) {
        String text = body.string(field, 20);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            body.violations.add(new Violation(field, "one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
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

    /**
     * A typed procedure's tasks take their parameters as an object, the others as a text: the other kind is named
     * as a mistake of {@code parameters}.
     */
    static void checkParametersKind(Body body, Settings wanted, boolean typed) {
        if (typed && wanted.parameters() != null && !wanted.parametersObject() && !wanted.parameters().isEmpty()) {
            body.violations.add(new Violation("parameters", "must be an object: this procedure's tasks have typed"
                    + " parameters (their schema is in GET /procedures)"));
        } else if (!typed && wanted.parametersObject()) {
            body.violations.add(new Violation("parameters", "must be a string: this procedure takes no typed"
                    + " parameters"));
        }
    }

    /** {@code id} and {@code procedure}, when sent to change a task, must be the task's own. */
    static void checkIdentity(Body body, SystemTask task) {
        Long id = body.longValue("id", Long.MIN_VALUE, Long.MAX_VALUE);
        if (id != null && !id.equals(task.getId())) {
            body.violations.add(new Violation("id", "must be this task's id, " + task.getId()));
        }
        String procedure = body.string("procedure", 200);
        if (procedure != null && !procedure.equals(task.getProcedure())) {
            body.violations.add(new Violation("procedure", "cannot be changed (it is '" + task.getProcedure()
                    + "'); create a new task for another procedure"));
        }
    }

    /** RFC 7396: {@code patch} merged into {@code target}; a null member removes the target's. */
    static JsonValue merge(JsonValue target, JsonValue patch) {
        if (patch.getValueType() != JsonValue.ValueType.OBJECT) {
            return patch;
        }
        JsonObject base = target != null && target.getValueType() == JsonValue.ValueType.OBJECT
                ? target.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder merged = JsonP.JSON.createObjectBuilder(base);
        for (Map.Entry<String, JsonValue> member : patch.asJsonObject().entrySet()) {
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                merged.remove(member.getKey());
            } else {
                merged.add(member.getKey(), merge(base.get(member.getKey()), member.getValue()));
            }
        }
        return merged.build();
    }

    /**
     * A strong entity tag of a representation: a digest of its JSON text, which changes with anything in it (the
     * settings, the status, the next run, the message), as RFC 9110 asks of a strong validator.
     */
    static String etag(JsonObject representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(representation.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-Match} header matches {@code current} (RFC 9110 13.1.1: {@code *} matches any current
     * representation, a list matches when one of its tags is strongly equal; a weak tag never matches).
     */
    static boolean ifMatch(String header, String current) {
        for (String tag : tags(header)) {
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code If-None-Match} header matches {@code current}: weak comparison (RFC 9110 13.1.2). */
    static boolean ifNoneMatch(String header, String current) {
        for (String tag : tags(header)) {
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tags(String header) {
        return java.util.Arrays.stream(header.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
