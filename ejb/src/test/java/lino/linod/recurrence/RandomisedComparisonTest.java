package lino.linod.recurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the engine with independent implementations on generated rules and reference instants: unit rules
 * with {@link NaiveWalk}, cron rules with cron-utils (Quartz flavour) plus the documented DST mapping.
 * Each seed is fixed and named in every failure; {@code -Drecurrence.seed=N} adds one more.
 */
class RandomisedComparisonTest {

    static final int UNIT_CASES = 2500;
    static final int CRON_CASES = 1500;

    static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Brussels"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/Santiago"));

    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2028-12-31T00:00:00Z");

    static LongStream seeds() {
        String extra = System.getProperty("recurrence.seed");
        LongStream fixed = LongStream.of(20260405L, 6108L, 42L);
        return extra == null ? fixed : LongStream.concat(fixed, LongStream.of(Long.parseLong(extra)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unitRulesAgreeWithANaiveWalk(long seed) {
        Random random = new Random(seed);
        int compared = 0;
        int rejected = 0;
        for (int i = 0; i < UNIT_CASES; i++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant t = reference(random, zone);
            Recurrence.Builder generated = unitRule(random, LocalDate.ofInstant(t, zone));
            Recurrence rule;
            try {
                rule = generated.build();
            } catch (InvalidRecurrenceException e) {
                assertNeverFires(generated.unchecked(), e, seed, i);
                rejected++;
                continue;
            }
            boolean ran = random.nextInt(10) < 6;
            Instant lastStart = ran ? t : null;
            Instant now = ran ? t.plusSeconds(random.nextInt(5)) : t;
            long runs = random.nextInt(4);
            Optional<Instant> actual = rule.schedule(zone).nextRun(lastStart, now, runs);
            Optional<Instant> expected = new NaiveWalk(rule, zone).nextRun(lastStart, now, runs);
            if (!expected.equals(actual)) {
                fail(String.format("seed %d, case %d: %s in %s, lastStart=%s now=%s runs=%d: expected %s, got %s",
                        seed, i, rule.suggestedText(), zone, lastStart, now, runs, show(expected, zone),
                        show(actual, zone)));
            }
            compared++;
        }
        System.out.printf("seed %d: %d unit rules compared, %d generated rules rejected as impossible%n",
                seed, compared, rejected);
        assertTrue(compared > UNIT_CASES * 8 / 10, "seed " + seed + ": too many rejected rules: " + rejected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cronRulesAgreeWithCronUtils(long seed) {
        Random random = new Random(seed);
        CronParser quartz = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
        int compared = 0;
        int rejected = 0;
        int none = 0;
        for (int i = 0; i < CRON_CASES; i++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant t = reference(random, zone);
            String[] expression = cron(random);
            ExecutionTime reference = ExecutionTime.forCron(quartz.parse(expression[1]));
            boolean ran = random.nextBoolean();
            Recurrence rule;
            try {
                rule = Recurrence.cron(expression[0], zone);
            } catch (InvalidRecurrenceException e) {
                assertEquals("cron", e.violations().get(0).field());
                assertEquals(Optional.empty(), reference.nextExecution(t.atZone(ZoneOffset.UTC)),
                        "seed " + seed + ", case " + i + ": " + e.getMessage());
                rejected++;
                continue;
            }
            Optional<Instant> actual = rule.schedule(ZoneOffset.UTC).nextRun(ran ? t : null, t, 0);
            Optional<Instant> expected = viaCronUtils(reference, zone, t, ran);
            if (!expected.equals(actual)) {
                fail(String.format("seed %d, case %d: cron '%s' (Quartz '%s') in %s, %s %s: expected %s, got %s",
                        seed, i, expression[0], expression[1], zone, ran ? "after" : "at or after", t,
                        show(expected, zone), show(actual, zone)));
            }
            compared++;
            none += actual.isEmpty() ? 1 : 0;
        }
        System.out.printf("seed %d: %d cron rules compared (%d with no next run), %d rejected as never matching%n",
                seed, compared, none, rejected);
        assertTrue(compared > CRON_CASES * 9 / 10, "seed " + seed + ": too many rejected rules: " + rejected);
    }

    /** Walks cron-utils' wall-clock matches (computed in UTC, a zone without transitions) and maps them. */
    static Optional<Instant> viaCronUtils(ExecutionTime reference, ZoneId zone, Instant t, boolean strictlyAfter) {
        LocalDateTime start = LocalDateTime.ofInstant(t, zone).minusHours(3).withNano(0);
        Optional<ZonedDateTime> match = reference.nextExecution(start.minusSeconds(1).atZone(ZoneOffset.UTC));
        for (int i = 0; i < 50_000 && match.isPresent(); i++) {
            Instant at = NaiveWalk.wallClock(match.get().toLocalDateTime(), zone);
            if (strictlyAfter ? at.isAfter(t) : !at.isBefore(t)) {
                return Optional.of(at);
            }
            match = reference.nextExecution(match.get());
        }
        return Optional.empty();
    }

    /** A random instant, often within hours of a daylight-saving change of the zone. */
    static Instant reference(Random random, ZoneId zone) {
        Instant any = FROM.plusSeconds((long) (random.nextDouble() * (UNTIL.getEpochSecond() - FROM.getEpochSecond())));
        ZoneOffsetTransition transition = zone.getRules().nextTransition(any);
        Instant t = any;
        if (random.nextInt(10) < 4 && transition != null) {
            t = transition.getInstant().plusSeconds(random.nextInt(6 * 3600) - 3 * 3600);
        }
        return random.nextInt(4) == 0 ? t.plusMillis(random.nextInt(1000)) : t;
    }

    /** A rejected generated rule must be one that fires nowhere in the naive walk's horizon either. */
    static void assertNeverFires(Recurrence rule, InvalidRecurrenceException e, long seed, int i) {
        ZoneId zone = rule.zone().orElse(ZoneOffset.UTC);
        LocalDate probeDate = rule.startDate() == null ? LocalDate.of(2000, 1, 1) : rule.startDate();
        Instant probe = NaiveWalk.wallClock(probeDate.atTime(rule.startTime() == null ? LocalTime.MIDNIGHT
                : rule.startTime()), zone);
        Optional<Instant> naive = new NaiveWalk(rule, zone).nextRun(null, probe, 0);
        assertTrue(naive.isEmpty(), String.format("seed %d, case %d: %s rejected (%s) but the naive walk runs it at %s",
                seed, i, rule.suggestedText(), e.getMessage(), naive.orElse(null)));
    }

    static Recurrence.Builder unitRule(Random random, LocalDate around) {
        Unit[] units = {Unit.SECONDLY, Unit.MINUTELY, Unit.HOURLY, Unit.DAILY, Unit.DAILY, Unit.WEEKLY, Unit.WEEKLY,
            Unit.MONTHLY, Unit.MONTHLY, Unit.YEARLY, Unit.YEARLY, Unit.EASTER, Unit.ONCE};
        Unit unit = units[random.nextInt(units.length)];
        Recurrence.Builder b = Recurrence.builder().unit(unit);
        boolean interval = unit == Unit.SECONDLY || unit == Unit.MINUTELY || unit == Unit.HOURLY;
        int every = switch (unit) {
            case SECONDLY -> 1 + random.nextInt(random.nextBoolean() ? 10 : 600);
            case MINUTELY -> 1 + random.nextInt(random.nextBoolean() ? 5 : 120);
            case HOURLY -> 1 + random.nextInt(random.nextBoolean() ? 3 : 30);
            case ONCE -> 1;
            default -> 1 + (random.nextBoolean() ? 0 : random.nextInt(4));
        };
        b.every(every);
        boolean anchored = unit == Unit.ONCE || random.nextInt(5) > 0;
        if (anchored) {
            LocalTime time = random.nextInt(3) == 0 ? null : LocalTime.of(random.nextBoolean() ? 1 + random.nextInt(3)
                    : random.nextInt(24), random.nextInt(4) * 15, random.nextInt(6) == 0 ? random.nextInt(60) : 0);
            b.startTime(time);
            boolean needsDate = interval || unit == Unit.ONCE || time == null || random.nextBoolean();
            if (needsDate) {
                int back = switch (unit) {
                    case SECONDLY -> random.nextInt(2);
                    case MINUTELY -> random.nextInt(10);
                    case HOURLY -> random.nextInt(300);
                    default -> random.nextInt(1500);
                };
                b.startDate(around.minusDays(back).plusDays(random.nextInt(8) == 0 ? random.nextInt(40) : 0));
            }
            if (unit != Unit.ONCE && unit != Unit.EASTER && random.nextBoolean()) {
                List<DayOfWeek> days = new ArrayList<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextInt(3) == 0) {
                        days.add(day);
                    }
                }
                if (days.isEmpty()) {
                    days.add(DayOfWeek.of(1 + random.nextInt(7)));
                }
                b.weekdays(days.toArray(DayOfWeek[]::new));
                if (interval && needsDate) {
                    b.startDate(around.minusDays(random.nextInt(unit == Unit.HOURLY ? 60 : 3)));
                }
                boolean periodic = unit == Unit.WEEKLY || unit == Unit.MONTHLY || unit == Unit.YEARLY;
                if (periodic && random.nextInt(5) < 2) {
                    int range = unit == Unit.WEEKLY ? days.size() : unit == Unit.MONTHLY ? 5 : 60;
                    int p = 1 + random.nextInt(range);
                    b.positions(random.nextBoolean() ? p : -p);
                    if (random.nextInt(3) == 0) {
                        b.positions(p, -(1 + random.nextInt(range)));
                    }
                }
            }
        }
        if (random.nextInt(5) == 0) {
            b.endDate(around.plusDays(random.nextInt(90) - 5));
            if (random.nextBoolean()) {
                b.endTime(LocalTime.of(random.nextInt(24), random.nextInt(60)));
            }
        }
        if (random.nextInt(5) == 0) {
            b.maxEvents(1 + random.nextInt(3));
        }
        return b;
    }

    /** A random cron expression: {CronTrigger form, Quartz form}; day-of-month and day-of-week not both set. */
    static String[] cron(Random random) {
        boolean withSeconds = random.nextBoolean();
        String seconds = withSeconds ? field(random, 0, 59) : "0";
        String minutes = field(random, 0, 59);
        String hours = random.nextInt(3) == 0 ? pick(random, "1", "2", "3", "1-3", "2,14") : field(random, 0, 23);
        String month = random.nextInt(3) > 0 ? "*" : pick(random, "MAR", "OCT-DEC", "*/2", "2", "1,3,10", "4/3");
        String dom = "*";
        String dow = "*";
        String quartzDow = "?";
        String quartzDom = "*";
        switch (random.nextInt(4)) {
            case 1 -> {
                dom = pick(random, "1", "15", "31", "L", "29", "1,15", "10-20", "5/10", "28-31", "30", "2L", "3L");
                quartzDom = dom.length() == 2 && dom.endsWith("L") ? "L-" + (dom.charAt(0) - '1') : dom;
            }
            case 2 -> {
                int day = 1 + random.nextInt(7);
                String name = DayOfWeek.of(day).name().substring(0, 3);
                String quartzNumber = String.valueOf(day % 7 + 1);
                switch (random.nextInt(5)) {
                    case 0 -> {
                        dow = name + "#" + (1 + random.nextInt(5));
                        quartzDow = quartzNumber + dow.substring(3);
                    }
                    case 1 -> {
                        dow = name + "#L";
                        quartzDow = quartzNumber + "L";
                    }
                    default -> {
                        dow = pick(random, "MON-FRI", "SAT,SUN", name, "TUE,THU", "WED-SAT");
                        quartzDow = dow;
                    }
                }
                quartzDom = "?";
            }
            default -> {
            }
        }
        String ours = (withSeconds ? seconds + " " : "") + minutes + " " + hours + " " + dom + " " + month + " " + dow;
        String quartz = seconds + " " + minutes + " " + hours + " " + quartzDom + " " + month + " " + quartzDow;
        return new String[] {ours, quartz};
    }

    static String field(Random random, int min, int max) {
        int a = min + random.nextInt(max - min + 1);
        int b = min + random.nextInt(max - min + 1);
        return switch (random.nextInt(7)) {
            case 0 -> "*";
            case 1 -> "*/" + (1 + random.nextInt(max / 2));
            case 2 -> Math.min(a, b) + "-" + Math.max(a, b);
            case 3 -> a + "/" + (1 + random.nextInt(max / 2));
            case 4 -> a == b ? String.valueOf(a) : Math.min(a, b) + "," + Math.max(a, b);
            default -> String.valueOf(a);
        };
    }

    static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    static String show(Optional<Instant> at, ZoneId zone) {
        return at.map(i -> i + " (" + i.atZone(zone).toLocalDateTime() + " local)").orElse("none");
    }
}
