package lino.linod.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import lino.linod.daemon.Daemon;
import lino.linod.procedure.ParameterType;
import lino.linod.procedure.ProcedureInfo;
import lino.linod.recurrence.Recurrence;
import lino.linod.run.Run;
import lino.linod.task.Change;
import lino.linod.task.SystemTask;

/** How linod's things look in JSON. Instants are ISO-8601 with the offset of the site's zone. */
final class Views {

    private Views() {
    }

    static void add(JsonObjectBuilder o, String key, Object value) {
        if (value == null) {
            o.addNull(key);
        } else if (value instanceof Number n) {
            o.add(key, n.longValue());
        } else if (value instanceof Boolean b) {
            o.add(key, b);
        } else {
            o.add(key, value.toString());
        }
    }

    static String instant(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    static JsonObject task(SystemTask t, Instant now, ZoneId zone, boolean resolved) {
        return task(t, now, zone, resolved, false);
    }

    /**
     * A task's representation; {@code typed}: its procedure declares a parameter type, so its parameters are a
     * JSON object (stored as one), not a text.
     */
    static JsonObject task(SystemTask t, Instant now, ZoneId zone, boolean resolved, boolean typed) {
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder()
                .add("id", t.getId())
                .add("seqno", t.getSeqno())
                .add("name", t.getName())
                .add("procedure", t.getProcedure())
                .add("logLevel", t.getLogLevel().name())
                .add("disabled", t.isDisabled())
                .add("status", t.status(now, zone, resolved))
                .add("when", t.getRecurrence().whenText())
                .add("resolved", resolved);
        add(o, "nextRunTime", instant(t.getNextRunTime(), zone));
        add(o, "lastStartTime", instant(t.getLastStartTime(), zone));
        add(o, "lastEndTime", instant(t.getLastEndTime(), zone));
        add(o, "requestedAt", instant(t.getRequestedAt(), zone));
        add(o, "message", t.getMessage());
        if (typed) {
            o.add("parameters", typedParameters(t.getParameters()));
        } else {
            o.add("parameters", t.getParameters());
        }
        o.add("timeoutSeconds", t.getTimeoutSeconds());
        o.add("misfirePolicy", t.getMisfirePolicy().name());
        o.add("overlapPolicy", t.getOverlapPolicy().name());
        o.add("revision", t.getRevision());
        o.add("recurrence", RecurrenceJson.write(t.getRecurrence()));
        return o.build();
    }

    static JsonObject run(Run r, ZoneId zone, boolean withLog) {
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder()
                .add("id", r.getId())
                .add("taskId", r.getTaskId())
                .add("taskName", r.getTaskName());
        add(o, "startTime", instant(r.getStartTime(), zone));
        add(o, "endTime", instant(r.getEndTime(), zone));
        o.add("outcome", r.getOutcome().name());
        add(o, "node", r.getNode());
        add(o, "runAs", r.getRunAs());
        o.add("progress", r.getProgress());
        add(o, "progressText", r.getProgressText());
        add(o, "durationMillis", r.duration() == null ? null : r.duration().toMillis());
        add(o, "stopRequestedBy", r.getStopRequestedBy());
        add(o, "stopRequestedAt", instant(r.getStopRequestedAt(), zone));
        if (withLog) {
            add(o, "log", r.getLog());
        }
        return o.build();
    }

    static JsonObject change(Change c, ZoneId zone) {
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder()
                .add("id", c.getId())
                .add("taskId", c.getTaskId())
                .add("at", instant(c.getAt(), zone))
                .add("user", c.getUser())
                .add("field", c.getField());
        add(o, "oldValue", c.getOldValue());
        add(o, "newValue", c.getNewValue());
        return o.build();
    }

    /** Stored typed parameters as a JSON object (what an older version stored as text, as far as it is one). */
    static JsonValue typedParameters(String stored) {
        if (stored == null || stored.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = JsonP.JSON.createReader(new java.io.StringReader(stored))) {
            JsonValue v = reader.readValue();
            return v.getValueType() == JsonValue.ValueType.OBJECT ? v : JsonValue.EMPTY_JSON_OBJECT;
        } catch (jakarta.json.JsonException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** A JSON schema (draft 2020-12 / OpenAPI 3.0 subset) of a procedure's parameters. */
    static JsonObject schema(ParameterType type) {
        JsonObjectBuilder properties = JsonP.JSON.createObjectBuilder();
        jakarta.json.JsonArrayBuilder required = JsonP.JSON.createArrayBuilder();
        for (ParameterType.Field f : type.fields()) {
            JsonObjectBuilder p = JsonP.JSON.createObjectBuilder();
            switch (f.kind()) {
                case TEXT -> p.add("type", "string");
                case INTEGER -> p.add("type", "integer");
                case DECIMAL -> p.add("type", "number");
                case BOOLEAN -> p.add("type", "boolean");
                case DATE -> p.add("type", "string").add("format", "date");
                case CHOICE -> {
                    jakarta.json.JsonArrayBuilder values = JsonP.JSON.createArrayBuilder();
                    f.choices().forEach(values::add);
                    p.add("type", "string").add("enum", values);
                }
                default -> throw new IllegalStateException(f.kind().name());
            }
            if (f.minimum() != null) {
                p.add("minimum", f.minimum());
            }
            if (f.maximum() != null) {
                p.add("maximum", f.maximum());
            }
            if (f.maxLength() != null) {
                p.add("maxLength", f.maxLength());
            }
            if (f.pattern() != null) {
                p.add("pattern", "^(?:" + f.pattern() + ")$");
            }
            properties.add(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        return JsonP.JSON.createObjectBuilder().add("type", "object").add("additionalProperties", false)
                .add("properties", properties).add("required", required).build();
    }

    static JsonObject procedure(ProcedureInfo p) {
        Recurrence suggested = p.suggested();
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder();
        if (p.typed()) {
            o.add("parameters", schema(p.parameters()));
        }
        return o
                .add("name", p.name())
                .add("taskClass", p.taskClass())
                .add("suggestedRecurrency", suggested.suggestedText())
                .add("recurrence", RecurrenceJson.write(suggested))
                .build();
    }

    static JsonObject running(Daemon.RunningRun r) {
        JsonObjectBuilder o = JsonP.JSON.createObjectBuilder()
                .add("taskId", r.taskId())
                .add("runId", r.runId())
                .add("taskName", r.taskName())
                .add("percent", r.percent());
        add(o, "progressText", r.progressText());
        return o.build();
    }
}
