package lino.linod.it.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3.0 document that linod serves, read by a YAML parser, and the request bodies it allows: a validator
 * of the schema keywords the document uses ({@code $ref}, {@code allOf}, {@code oneOf}, {@code type}, {@code nullable},
 * {@code properties}, {@code additionalProperties}, {@code required}, {@code enum}, {@code minimum},
 * {@code maximum}, {@code minLength}, {@code maxLength}, {@code maxItems}, {@code items}, {@code pattern},
 * {@code format} date and date-time). A keyword it does not know fails the check, so that the document cannot grow past what is checked.
 * {@code readOnly} properties may be sent (OpenAPI: they SHOULD NOT be, and are then ignored).
 */
final class OpenApiDocument {

    private static final List<String> KNOWN = List.of("$ref", "allOf", "oneOf", "type", "nullable", "properties",
            "additionalProperties", "required", "enum", "minimum", "maximum", "minLength", "maxLength", "maxItems",
            "items", "format", "pattern", "readOnly", "description", "example", "default");

    private final Map<String, Object> document;

    private OpenApiDocument(Map<String, Object> document) {
        this.document = document;
    }

    static OpenApiDocument parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new AssertionError("not a YAML mapping: " + LinodApi.shorten(yaml, 300));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) loaded;
        return new OpenApiDocument(map);
    }

    Map<String, Object> root() {
        return document;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> at(String... keys) {
        Object node = document;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("the document has no " + String.join(" → ", keys));
            }
            node = m.get(key);
        }
        return (Map<String, Object>) node;
    }

    /** The schema of an operation's request body for one media type. */
    Map<String, Object> requestSchema(String path, String verb, String mediaType) {
        return at("paths", path, verb, "requestBody", "content", mediaType, "schema");
    }

    /** What is wrong with {@code value} by {@code schema}; empty when the document allows it. */
    List<String> violations(Map<String, Object> schema, Object value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "", found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String[] parts = ((String) ref).substring(2).split("/");
        return at(parts);
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> given, Object value, String where, List<String> found) {
        Map<String, Object> schema = resolve(given);
        for (String keyword : schema.keySet()) {
            if (!KNOWN.contains(keyword)) {
                throw new AssertionError("the checker does not know the keyword " + keyword + " at " + where);
            }
        }
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                check((Map<String, Object>) part, value, where, found);
            }
        }
        if (schema.containsKey("oneOf")) {
            // Exactly one of the alternatives (null: when nullable).
            if (value == null) {
                if (!Boolean.TRUE.equals(schema.get("nullable")) && ((List<Object>) schema.get("oneOf")).stream()
                        .noneMatch(part -> Boolean.TRUE.equals(((Map<String, Object>) part).get("nullable")))) {
                    found.add(where + ": null");
                }
                return;
            }
            int matching = 0;
            for (Object part : (List<Object>) schema.get("oneOf")) {
                List<String> mistakes = new java.util.ArrayList<>();
                check((Map<String, Object>) part, value, where, mistakes);
                matching += mistakes.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                found.add(where + ": matches " + matching + " of its oneOf alternatives");
            }
            return;
        }
        if (value == null) {
            if (schema.containsKey("type") && !Boolean.TRUE.equals(schema.get("nullable"))) {
                found.add(where + ": null");
            }
            return;
        }
        Object type = schema.get("type");
        if (type != null && !hasType(value, (String) type)) {
            found.add(where + ": not " + type);
            return;
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            found.add(where + ": not one of " + schema.get("enum"));
        }
        if (value instanceof BigDecimal n) {
            if (schema.containsKey("minimum") && n.compareTo(new BigDecimal(schema.get("minimum").toString())) < 0) {
                found.add(where + ": below " + schema.get("minimum"));
            }
            if (schema.containsKey("maximum") && n.compareTo(new BigDecimal(schema.get("maximum").toString())) > 0) {
                found.add(where + ": above " + schema.get("maximum"));
            }
        }
        if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (schema.containsKey("minLength") && length < (Integer) schema.get("minLength")) {
                found.add(where + ": shorter than " + schema.get("minLength"));
            }
            if (schema.containsKey("maxLength") && length > (Integer) schema.get("maxLength")) {
                found.add(where + ": longer than " + schema.get("maxLength"));
            }
            if (schema.containsKey("pattern")
                    && !java.util.regex.Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
                found.add(where + ": does not match " + schema.get("pattern"));
            }
            if ("date".equals(schema.get("format")) && !isDate(s)) {
                found.add(where + ": not a date");
            }
            if ("date-time".equals(schema.get("format")) && !isDateTime(s)) {
                found.add(where + ": not a date-time");
            }
        }
        if (value instanceof List<?> list) {
            if (schema.containsKey("maxItems") && list.size() > (Integer) schema.get("maxItems")) {
                found.add(where + ": more than " + schema.get("maxItems") + " items");
            }
            if (schema.containsKey("items")) {
                for (int i = 0; i < list.size(); i++) {
                    check((Map<String, Object>) schema.get("items"), list.get(i), where + "[" + i + "]", found);
                }
            }
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = schema.containsKey("properties")
                    ? (Map<String, Object>) schema.get("properties") : Map.of();
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(required)) {
                    found.add(where + "." + required + ": required");
                }
            }
            for (Map.Entry<?, ?> member : object.entrySet()) {
                String name = (String) member.getKey();
                if (properties.containsKey(name)) {
                    check((Map<String, Object>) properties.get(name), member.getValue(), where + "." + name, found);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    found.add(where + "." + name + ": not allowed");
                }
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof BigDecimal n && n.stripTrailingZeros().scale() <= 0;
            case "number" -> value instanceof BigDecimal;
            default -> throw new AssertionError("unknown type " + type);
        };
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
