package lino.linod.procedure;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import lino.linod.recurrence.Violation;

/**
 * A procedure's parameter type (with its label, Lino's task class): a Java record whose components are the
 * parameters, with Jakarta Validation constraints on them. Each task of the procedure stores its own values as a
 * JSON object; they are read and checked here (every mistake a violation named {@code parameters.NAME}), and the
 * procedure gets them as the record ({@link ProcedureContext#parameters(Class)}).
 *
 * <p>A component is a text ({@code String}), a whole number ({@code int}, {@code long} or their boxes), a decimal
 * ({@code BigDecimal}), a flag ({@code boolean}, {@code Boolean}), a date ({@code LocalDate}) or one of an enum's
 * constants. A primitive one is required; a constraint such as {@code @NotNull}, {@code @NotBlank} makes any other
 * one required. {@code @Size(max)}, {@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @DecimalMax} and
 * {@code @Pattern} also reach the JSON schema and the page's form.
 */
public final class ParameterType {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** What a parameter holds. */
    public enum Kind {
        TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, CHOICE
    }

    /** One parameter as the schema, the API and the form show it. */
    public record Field(String name, Kind kind, boolean required, List<String> choices, BigDecimal minimum,
            BigDecimal maximum, Integer maxLength, String pattern) {
    }

    private final Class<? extends Record> type;
    private final RecordComponent[] components;
    private final Constructor<? extends Record> constructor;
    private final List<Field> fields;

    private ParameterType(Class<? extends Record> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        List<Field> described = new ArrayList<>();
        for (RecordComponent c : components) {
            described.add(describe(type, c));
        }
        this.fields = List.copyOf(described);
    }

    /**
     * The parameter type of record {@code type}.
     *
     * @throws IllegalArgumentException when a component has a type parameters cannot have
     */
    public static ParameterType of(Class<? extends Record> type) {
        return new ParameterType(type);
    }

    public Class<? extends Record> type() {
        return type;
    }

    public List<Field> fields() {
        return fields;
    }

    private static Field describe(Class<?> record, RecordComponent c) {
        Class<?> t = c.getType();
        Kind kind;
        List<String> choices = List.of();
        if (t == String.class) {
            kind = Kind.TEXT;
        } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            kind = Kind.INTEGER;
        } else if (t == BigDecimal.class) {
            kind = Kind.DECIMAL;
        } else if (t == boolean.class || t == Boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (t == LocalDate.class) {
            kind = Kind.DATE;
        } else if (t.isEnum()) {
            kind = Kind.CHOICE;
            choices = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        } else {
            throw new IllegalArgumentException("parameter '" + c.getName() + "' of " + record.getName() + " is a "
                    + t.getName() + "; a parameter is a String, int, long, BigDecimal, boolean, LocalDate or an enum");
        }
        java.lang.reflect.Field field;
        try {
            field = record.getDeclaredField(c.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        boolean required = t.isPrimitive() || field.isAnnotationPresent(NotNull.class)
                || field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class);
        BigDecimal minimum = null;
        BigDecimal maximum = null;
        Integer maxLength = null;
        String pattern = null;
        if (field.getAnnotation(Min.class) != null) {
            minimum = BigDecimal.valueOf(field.getAnnotation(Min.class).value());
        }
        if (field.getAnnotation(Max.class) != null) {
            maximum = BigDecimal.valueOf(field.getAnnotation(Max.class).value());
        }
        if (field.getAnnotation(DecimalMin.class) != null) {
            minimum = new BigDecimal(field.getAnnotation(DecimalMin.class).value());
        }
        if (field.getAnnotation(DecimalMax.class) != null) {
            maximum = new BigDecimal(field.getAnnotation(DecimalMax.class).value());
        }
        if (field.getAnnotation(Size.class) != null && field.getAnnotation(Size.class).max() < Integer.MAX_VALUE) {
            maxLength = field.getAnnotation(Size.class).max();
        }
        if (field.getAnnotation(Pattern.class) != null) {
            pattern = field.getAnnotation(Pattern.class).regexp();
        }
        return new Field(c.getName(), kind, required, choices, minimum, maximum, maxLength, pattern);
    }

    /** The values a user gave, read and checked: the record, or every mistake named by its field. */
    public record Read(Record value, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * Reads parameters given as the text of a JSON object and checks them with {@code validator} (null: the types
     * only). Unknown names, wrong types and broken constraints are violations named {@code parameters.NAME}.
     */
    public Read read(String json, Validator validator) {
        List<Violation> violations = new ArrayList<>();
        JsonObject object;
        try (var reader = JSON.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                violations.add(new Violation("parameters", "must be an object of " + names()));
                return new Read(null, violations);
            }
            object = value.asJsonObject();
        } catch (jakarta.json.JsonException e) {
            violations.add(new Violation("parameters", "must be an object of " + names()));
            return new Read(null, violations);
        }
        for (String name : object.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                violations.add(new Violation("parameters." + name, "is not a parameter of this task class (it has "
                        + names() + ")"));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i].getType(), fields.get(i), object.get(fields.get(i).name()), violations);
        }
        if (!violations.isEmpty()) {
            return new Read(null, violations);
        }
        Record record;
        try {
            record = constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's own check in its compact constructor.
            violations.add(new Violation("parameters", String.valueOf(e.getCause().getMessage())));
            return new Read(null, violations);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (validator != null) {
            Set<ConstraintViolation<Record>> broken = validator.validate(record);
            broken.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> violations.add(new Violation("parameters." + v.getPropertyPath(), v.getMessage())));
        }
        return new Read(violations.isEmpty() ? record : null, violations);
    }

    private String names() {
        return String.join(", ", fields.stream().map(Field::name).toList());
    }

    private static Object value(Class<?> type, Field field, JsonValue given, List<Violation> violations) {
        String name = "parameters." + field.name();
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                violations.add(new Violation(name, "is required"));
            }
            return null;
        }
        switch (field.kind()) {
            case TEXT -> {
                if (given instanceof JsonString s) {
                    return s.getString();
                }
                violations.add(new Violation(name, "must be a text"));
            }
            case INTEGER -> {
                if (given instanceof JsonNumber n && n.isIntegral()) {
                    try {
                        long v = n.bigDecimalValue().longValueExact();
                        if (type == int.class || type == Integer.class) {
                            return Math.toIntExact(v);
                        }
                        return v;
                    } catch (ArithmeticException e) {
                        violations.add(new Violation(name, "is too large"));
                        return null;
                    }
                }
                violations.add(new Violation(name, "must be a whole number"));
            }
            case DECIMAL -> {
                if (given instanceof JsonNumber n) {
                    return n.bigDecimalValue();
                }
                violations.add(new Violation(name, "must be a number"));
            }
            case BOOLEAN -> {
                if (given.getValueType() == JsonValue.ValueType.TRUE) {
                    return true;
                }
                if (given.getValueType() == JsonValue.ValueType.FALSE) {
                    return false;
                }
                violations.add(new Violation(name, "must be true or false"));
            }
            case DATE -> {
                if (given instanceof JsonString s) {
                    try {
                        return LocalDate.parse(s.getString());
                    } catch (DateTimeParseException e) {
                        // Below.
                    }
                }
                violations.add(new Violation(name, "must be a date like 2026-12-03"));
            }
            case CHOICE -> {
                if (given instanceof JsonString s && field.choices().contains(s.getString())) {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    Object constant = Enum.valueOf((Class) type, s.getString());
                    return constant;
                }
                violations.add(new Violation(name, "one of " + String.join(", ", field.choices())));
            }
            default -> throw new IllegalStateException(field.kind().name());
        }
        return null;
    }

    /** The record as the JSON text a task stores (its components in order; null ones left out). */
    public String write(Record value) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (int i = 0; i < components.length; i++) {
            Object v;
            try {
                v = components[i].getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = components[i].getName();
            if (v == null) {
                continue;
            }
            switch (fields.get(i).kind()) {
                case TEXT, DATE -> out.add(name, v.toString());
                case CHOICE -> out.add(name, ((Enum<?>) v).name());
                case INTEGER -> out.add(name, ((Number) v).longValue());
                case DECIMAL -> out.add(name, (BigDecimal) v);
                case BOOLEAN -> out.add(name, (Boolean) v);
                default -> throw new IllegalStateException();
            }
        }
        return out.build().toString();
    }

    /** The values of a new task of this class: the record's no-argument constructor's, else none. */
    public String defaults() {
        try {
            Constructor<? extends Record> none = type.getDeclaredConstructor();
            none.setAccessible(true);
            return write(none.newInstance());
        } catch (NoSuchMethodException e) {
            return "{}";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a task stored, as the procedure gets it; fails with the mistakes when they no longer fit the type. */
    public Record load(String stored, Validator validator) {
        Read read = read(stored, validator);
        if (!read.valid()) {
            throw new IllegalStateException("The task's parameters do not fit " + type.getSimpleName() + ": "
                    + String.join("; ", read.violations().stream().map(v -> v.field() + " " + v.message())
                    .toList()));
        }
        return read.value();
    }

    /** Stored values as the texts of a form's fields (a flag: "true" or "false"; a number as written; none: ""). */
    public java.util.Map<String, String> texts(String stored) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        JsonObject object = JsonValue.EMPTY_JSON_OBJECT;
        if (stored != null && !stored.isBlank()) {
            try (var reader = JSON.createReader(new StringReader(stored))) {
                JsonValue v = reader.readValue();
                object = v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : object;
            } catch (jakarta.json.JsonException e) {
                // Not an object: the form starts empty.
            }
        }
        for (Field f : fields) {
            JsonValue v = object.get(f.name());
            String text = "";
            if (v instanceof JsonString s) {
                text = s.getString();
            } else if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
                text = v.toString();
            }
            texts.put(f.name(), text);
        }
        return texts;
    }

    /**
     * A form's texts as the JSON object {@link #read} takes: numbers and flags as such where the text is one, any
     * other text as it was typed (so that the reader names the field), empty fields left out.
     */
    public String fromTexts(java.util.Map<String, String> texts) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (Field f : fields) {
            String text = texts.get(f.name());
            if (text == null || text.isEmpty() && f.kind() != Kind.TEXT) {
                continue;
            }
            String trimmed = text.trim();
            if (f.kind() == Kind.BOOLEAN && (trimmed.equals("true") || trimmed.equals("false"))) {
                out.add(f.name(), Boolean.parseBoolean(trimmed));
                continue;
            }
            if (f.kind() == Kind.INTEGER || f.kind() == Kind.DECIMAL) {
                try {
                    out.add(f.name(), new BigDecimal(trimmed));
                    continue;
                } catch (NumberFormatException e) {
                    // Left as typed.
                }
            }
            out.add(f.name(), f.kind() == Kind.TEXT ? text : trimmed);
        }
        return out.build().toString();
    }

    /** Keeps the reflection objects out of what others see. */
    @Override
    public String toString() {
        return "ParameterType[" + type.getName() + "]";
    }

    static boolean isNone(Class<?> declared) {
        return declared == Record.class;
    }
}
