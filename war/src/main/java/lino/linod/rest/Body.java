package lino.linod.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import lino.linod.recurrence.Violation;
import lino.linod.task.InvalidInputException;

/**
 * A JSON request body read strictly: an object with known fields of the right types. Every mistake is collected
 * as a violation that names the field; {@link #check()} throws them all at once.
 */
final class Body {

    /**
     * The most characters of a body; {@code security.BodyLimit} refuses a body of more than as many bytes before
     * it is read (no character is less than a byte in UTF-8), so this is a second line, for servers without it.
     */
    static final int MAX_LENGTH = 100_000;
    /** The longest number text any field takes (a long's 19 digits, a sign), with room for "1.0E+3" spellings. */
    static final int MAX_NUMBER_LENGTH = 30;
    /** Deeper nesting is refused before parsing: the parser recurses and would overflow its stack. */
    static final int MAX_DEPTH = 32;

    private final JsonObject json;
    private final String prefix;
    final List<Violation> violations;

    private Body(JsonObject json, String prefix, List<Violation> violations) {
        this.json = json;
        this.prefix = prefix;
        this.violations = violations;
    }

    static Body parse(String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new WebApplicationException(Problem.response(413, "Content Too Large",
                    "The body must be at most " + MAX_LENGTH + " characters."));
        }
        if (depth(text) > MAX_DEPTH) {
            throw new InvalidInputException("body", "is nested more than " + MAX_DEPTH + " levels deep");
        }
        List<Violation> longNumbers = longNumbers(text);
        if (!longNumbers.isEmpty()) {
            throw new InvalidInputException(longNumbers);
        }
        JsonValue value;
        try (JsonReader reader = JsonP.JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return of(value.asJsonObject(), known);
    }

    /** An object already parsed (e.g. a merge patch applied to a representation), read with the same rules. */
    static Body of(JsonObject json, Set<String> known) {
        Body body = new Body(json, "", new ArrayList<>());
        body.rejectUnknown(known);
        return body;
    }

    JsonObject json() {
        return json;
    }

    /** The deepest nesting of arrays and objects, not counting brackets inside strings. */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * Numbers longer than any field takes, named by their field ({@code recurrence.positions}). Read as tokens,
     * never converted: the JSON provider refuses to convert a number of over 1,100 digits with an exception of
     * its own, and converting long ones costs time.
     */
    static List<Violation> longNumbers(String text) {
        List<Violation> found = new ArrayList<>();
        Deque<String> containers = new ArrayDeque<>();
        Deque<Boolean> objects = new ArrayDeque<>();
        String key = null;
        try (JsonParser parser = JsonP.JSON.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME) {
                    key = field(parser.getString());
                    continue;
                }
                String name = containers.isEmpty() ? "body"
                        : objects.peek() ? (containers.peek().isEmpty() ? key : containers.peek() + "." + key)
                        : containers.peek();
                switch (event) {
                    case START_OBJECT -> {
                        containers.push(containers.isEmpty() ? "" : name);
                        objects.push(true);
                    }
                    case START_ARRAY -> {
                        containers.push(name);
                        objects.push(false);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.pop();
                        objects.pop();
                    }
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_LENGTH
                                && found.stream().noneMatch(v -> v.field().equals(name))) {
                            found.add(new Violation(name, "is a number of more than " + MAX_NUMBER_LENGTH
                                    + " characters"));
                        }
                    }
                    default -> {
                        // strings, true, false, null: read by the fields
                    }
                }
            }
        }
        return found;
    }

    private void rejectUnknown(Set<String> known) {
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                violations.add(new Violation(prefix + field(key), "unknown field"));
            }
        }
    }

    private static String field(String key) {
        return key.length() > 50 ? key.substring(0, 50) + "…" : key;
    }

    boolean has(String key) {
        return json.containsKey(key) && json.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    boolean present(String key) {
        return json.containsKey(key);
    }

    private void wrong(String key, String message) {
        violations.add(new Violation(prefix + key, message));
    }

    String string(String key, int max) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = json.get(key);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            wrong(key, "must be a string");
            return null;
        }
        String s = ((JsonString) v).getString();
        if (s.length() > max) {
            wrong(key, "must be at most " + max + " characters");
            return null;
        }
        return s;
    }

    Integer integer(String key) {
        Long value = longValue(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return value == null ? null : value.intValue();
    }

    Long longValue(String key, long min, long max) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = json.get(key);
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            wrong(key, "must be a number");
            return null;
        }
        JsonNumber n = (JsonNumber) v;
        try {
            if (!n.isIntegral()) {
                wrong(key, "must be a whole number");
                return null;
            }
            long value = n.bigIntegerValueExact().longValueExact();
            if (value < min || value > max) {
                wrong(key, "must be between " + min + " and " + max);
                return null;
            }
            return value;
        } catch (ArithmeticException e) {
            wrong(key, "must be between " + min + " and " + max);
            return null;
        }
    }

    Boolean bool(String key) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = json.get(key);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        wrong(key, "must be true or false");
        return null;
    }

    List<String> strings(String key, int max, int maxItems) {
        JsonArray array = array(key, maxItems);
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (v.getValueType() != JsonValue.ValueType.STRING || ((JsonString) v).getString().length() > max) {
                wrong(key, "must be a list of short strings");
                return null;
            }
            out.add(((JsonString) v).getString());
        }
        return out;
    }

    List<Integer> integers(String key, int maxItems) {
        JsonArray array = array(key, maxItems);
        if (array == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
                wrong(key, "must be a list of whole numbers");
                return null;
            }
            try {
                out.add(((JsonNumber) v).bigIntegerValueExact().intValueExact());
            } catch (ArithmeticException e) {
                wrong(key, "must be a list of whole numbers between -366 and 366");
                return null;
            }
        }
        return out;
    }

    private JsonArray array(String key, int maxItems) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = json.get(key);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            wrong(key, "must be a list");
            return null;
        }
        if (v.asJsonArray().size() > maxItems) {
            wrong(key, "must have at most " + maxItems + " entries");
            return null;
        }
        return v.asJsonArray();
    }

    /** The nested object under {@code key}, read with the same rules; null when absent or not an object. */
    Body object(String key, Set<String> known) {
        if (!has(key)) {
            return null;
        }
        JsonValue v = json.get(key);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            wrong(key, "must be an object");
            return null;
        }
        Body nested = new Body(v.asJsonObject(), prefix + key + ".", violations);
        nested.rejectUnknown(known);
        return nested;
    }

    String prefix() {
        return prefix;
    }

    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
