package lino.linod.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lino's wording of a recurrence: the "When" column and the "Suggested recurrency" text, and its parser. */
final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Set<DayOfWeek> WORKING_DAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private Texts() {
    }

    static String when(Recurrence r) {
        if (r.cron() != null) {
            return "Cron: " + r.cron() + (r.zoneId() == null ? "" : " (" + r.zoneId() + ")");
        }
        Unit unit = r.unit();
        if (unit == null) {
            return "";
        }
        String time = r.startTime() == null ? "" : " at " + time(r.startTime());
        return switch (unit) {
            case NEVER -> "Never";
            case ONCE -> r.startDate() == null ? "Once" : "On " + DATE.format(r.startDate()) + time;
            case SECONDLY -> every(r.every(), "second") + onDays(r) + limits(r);
            case MINUTELY -> every(r.every(), "minute") + onDays(r) + limits(r);
            case HOURLY -> every(r.every(), "hour") + onDays(r) + limits(r);
            case DAILY -> (r.every() == 1 && r.weekdays().equals(WORKING_DAYS) ? "Every working day"
                    : every(r.every(), "day") + onDays(r)) + time + limits(r);
            case WEEKLY -> periodic(r, "week") + time + limits(r);
            case MONTHLY -> periodic(r, "month") + time + limits(r);
            case YEARLY -> periodic(r, "year") + time + limits(r);
            case EASTER -> every(r.every(), "year") + easter(r) + time + limits(r);
        };
    }

    private static final DateTimeFormatter LISTED_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * The "when" of Lino's {@code linod --list}, in the words of the Python {@code schedule} jobs it listed: the
     * count always written ("Every 1 day", "Every 10 seconds"), the time with seconds ("at 20:00:00"); what a
     * schedule job could not say (days, positions, Easter, limits) in the words of the When column.
     */
    static String listing(Recurrence r) {
        if (r.cron() != null) {
            return "Cron " + r.cron() + (r.zoneId() == null ? "" : " (" + r.zoneId() + ")");
        }
        Unit unit = r.unit();
        if (unit == null) {
            return "";
        }
        String at = r.startTime() == null ? "" : " at " + LISTED_TIME.format(r.startTime());
        return switch (unit) {
            case NEVER -> "Never";
            case ONCE -> r.startDate() == null ? "Once" : "Once on " + r.startDate() + " at "
                    + LISTED_TIME.format(r.startTime() == null ? LocalTime.MIDNIGHT : r.startTime());
            case SECONDLY -> counted(r.every(), "second") + onDays(r) + at + limits(r);
            case MINUTELY -> counted(r.every(), "minute") + onDays(r) + at + limits(r);
            case HOURLY -> counted(r.every(), "hour") + onDays(r) + at + limits(r);
            case DAILY -> counted(r.every(), "day") + onDays(r) + at + limits(r);
            case WEEKLY -> counted(r.every(), "week") + onPositions(r) + at + limits(r);
            case MONTHLY -> counted(r.every(), "month") + onPositions(r) + at + limits(r);
            case YEARLY -> counted(r.every(), "year") + onPositions(r) + at + limits(r);
            case EASTER -> counted(r.every(), "year") + easter(r) + at + limits(r);
        };
    }

    private static String counted(int n, String unit) {
        return "Every " + n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String onPositions(Recurrence r) {
        return r.positions().isEmpty() ? onDays(r) : " on the " + ordinals(r.positions()) + " " + days(r.weekdays());
    }

    private static String periodic(Recurrence r, String period) {
        if (r.positions().isEmpty()) {
            return every(r.every(), period) + onDays(r);
        }
        String which = ordinals(r.positions()) + " " + days(r.weekdays());
        return r.every() == 1 ? "Every " + which + " of the " + period
                : every(r.every(), period) + " on the " + which;
    }

    private static String easter(Recurrence r) {
        long offset = r.startDate() == null ? 0
                : ChronoUnit.DAYS.between(Easter.sunday(r.startDate().getYear()), r.startDate());
        if (offset == 0) {
            return " at Easter";
        }
        long days = Math.abs(offset);
        return " " + days + (days == 1 ? " day " : " days ") + (offset > 0 ? "after" : "before") + " Easter";
    }

    private static String every(int n, String unit) {
        return n == 1 ? "Every " + unit : "Every " + n + " " + unit + "s";
    }

    private static String onDays(Recurrence r) {
        return r.weekdays().isEmpty() ? "" : " on " + days(r.weekdays());
    }

    private static String limits(Recurrence r) {
        StringBuilder s = new StringBuilder();
        if (r.endDate() != null) {
            s.append(" until ").append(DATE.format(r.endDate()));
            if (r.endTime() != null) {
                s.append(' ').append(time(r.endTime()));
            }
        }
        if (r.maxEvents() != null) {
            s.append(r.maxEvents() == 1 ? ", once only" : ", at most " + r.maxEvents() + " times");
        }
        return s.toString();
    }

    private static String days(Set<DayOfWeek> days) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (days.contains(day)) {
                names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
        }
        return joinAnd(names);
    }

    private static String ordinals(List<Integer> positions) {
        List<String> words = new ArrayList<>();
        for (int p : positions) {
            words.add(ordinal(p));
        }
        return joinAnd(words);
    }

    private static String ordinal(int p) {
        String[] words = {"first", "second", "third", "fourth", "fifth"};
        if (p == -1) {
            return "last";
        }
        int n = Math.abs(p);
        String word = n <= words.length ? words[n - 1] : n + suffix(n);
        return p > 0 ? word : word + " last";
    }

    private static String suffix(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String joinAnd(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String time(LocalTime t) {
        return t.getSecond() == 0 && t.getNano() == 0 ? DateTimeFormatter.ofPattern("HH:mm").format(t)
                : DateTimeFormatter.ofPattern("HH:mm:ss").format(t);
    }

    static String suggested(Recurrence r) {
        List<String> parts = new ArrayList<>();
        if (r.cron() != null) {
            parts.add("cron=" + r.cron());
        } else {
            parts.add("every=" + r.every());
            parts.add("every_unit=" + (r.unit() == null ? "" : r.unit().linoName()));
            for (DayOfWeek day : DayOfWeek.values()) {
                if (r.weekdays().contains(day)) {
                    parts.add(day.name().toLowerCase(Locale.ROOT) + "=True");
                }
            }
            if (!r.positions().isEmpty()) {
                parts.add("positions=" + String.join(" ", r.positions().stream().map(String::valueOf).toList()));
            }
        }
        if (r.startDate() != null) {
            parts.add("start_date=" + r.startDate());
        }
        if (r.startTime() != null) {
            parts.add("start_time=" + time(r.startTime()));
        }
        if (r.endDate() != null) {
            parts.add("end_date=" + r.endDate());
        }
        if (r.endTime() != null) {
            parts.add("end_time=" + time(r.endTime()));
        }
        if (r.maxEvents() != null) {
            parts.add("max_events=" + r.maxEvents());
        }
        if (r.zoneId() != null) {
            parts.add("zone=" + r.zoneId());
        }
        return String.join(", ", parts);
    }

    static Recurrence parseSuggested(String text) {
        List<Violation> found = new ArrayList<>();
        Recurrence.Builder b = Recurrence.builder();
        List<DayOfWeek> days = new ArrayList<>();
        // Split only before "key=", because a cron expression may contain commas.
        for (Map.Entry<String, String> setting : settings(text == null ? "" : text, found).entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            switch (key) {
                case "every" -> read(found, "every", value, Integer::valueOf).ifPresent(b::every);
                case "every_unit" -> {
                    try {
                        b.unit(Unit.ofLinoName(value));
                    } catch (InvalidRecurrenceException e) {
                        found.addAll(e.violations());
                    }
                }
                case "positions" -> read(found, "positions", value,
                        v -> List.of(v.strip().split("[\\s,]+")).stream().mapToInt(Integer::parseInt).toArray())
                        .ifPresent(b::positions);
                case "start_date" -> read(found, "startDate", value, LocalDate::parse).ifPresent(b::startDate);
                case "start_time" -> read(found, "startTime", value, LocalTime::parse).ifPresent(b::startTime);
                case "end_date" -> read(found, "endDate", value, LocalDate::parse).ifPresent(b::endDate);
                case "end_time" -> read(found, "endTime", value, LocalTime::parse).ifPresent(b::endTime);
                case "max_events" -> read(found, "maxEvents", value, Integer::valueOf).ifPresent(b::maxEvents);
                case "cron" -> b.cron(value);
                case "zone" -> b.zone(value);
                default -> {
                    DayOfWeek day = dayNamed(key);
                    if (day == null) {
                        found.add(new Violation(key, "unknown setting '" + key + "'"));
                    } else if (value.equalsIgnoreCase("true")) {
                        days.add(day);
                    } else if (!value.equalsIgnoreCase("false")) {
                        found.add(new Violation("weekdays", key + " must be True or False, not '" + value + "'"));
                    }
                }
            }
        }
        b.weekdays(days.toArray(DayOfWeek[]::new));
        if (!found.isEmpty()) {
            // Report the rule's own violations too, except for fields that could not even be read.
            Set<String> unread = found.stream().map(Violation::field).collect(Collectors.toSet());
            b.unchecked().violations().stream().filter(v -> !unread.contains(v.field())).forEach(found::add);
            throw new InvalidRecurrenceException(found);
        }
        return b.build();
    }

    private static Map<String, String> settings(String text, List<Violation> found) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : text.strip().split(",\\s*(?=[a-z_]+\\s*=)")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                found.add(new Violation("text", "cannot read '" + part.strip() + "': expected key=value"));
                continue;
            }
            settings.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return settings;
    }

    private static DayOfWeek dayNamed(String key) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(key)) {
                return day;
            }
        }
        return null;
    }

    private static <T> Optional<T> read(List<Violation> found, String field, String value,
                                                  Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value));
        } catch (NumberFormatException | DateTimeParseException e) {
            found.add(new Violation(field, "cannot read '" + value + "'"));
            return Optional.empty();
        }
    }
}
