package lino.linod.it.api;

import static lino.linod.it.api.LinodApi.id;
import static lino.linod.it.api.LinodApi.items;
import static lino.linod.it.api.LinodApi.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * 1,100 more tasks (created through the API, four at a time, and deleted again at the end so that the other tests
 * see the site as before): every list answers one page, never all of them.
 */
class ManyTasksIT {

    /** More than a page of the largest size and more than the listing shows. */
    private static final int MANY = 1100;

    private final LinodApi staff = LinodApi.staff();

    @Test
    void listsAnswerOnePageOfManyTasks() throws Exception {
        String prefix = LinodApi.uniqueName("it-api-many");
        List<Long> created = Collections.synchronizedList(new ArrayList<>());
        try {
            inParallel(i -> id(staff.createQuietTask("checkdata", prefix + "-" + (10_000 + i))), created);
            long total = staff.taskCount();
            assertTrue(total >= MANY, total + " tasks");

            LinodApi.Reply first = staff.get("tasks").expect(200);
            Map<String, Object> page = first.object();
            assertEquals(50, items(page).size(), "the first page holds one page");
            assertEquals(total, number(page, "total"), "and counts them all");
            assertTrue(first.body().length() < 100_000, "one page is small: " + first.body().length() + " chars");

            String text = "text=" + prefix;
            assertEquals(1000, items(staff.get("tasks?size=1000&" + text).expect(200).object()).size());
            assertEquals(MANY - 1000, items(staff.get("tasks?size=1000&page=1&" + text).expect(200).object()).size());
            Map<String, Object> last = staff.get("tasks?size=1000&page=1&" + text + "&state=enabled").expect(200)
                    .object();
            assertEquals(MANY, number(last, "total"), last.toString().substring(0, 200));
            List<Long> lastOne = items(staff.get("tasks?size=1&page=" + (MANY - 1) + "&" + text).expect(200)
                    .object()).stream().map(LinodApi::id).toList();
            assertTrue(lastOne.size() == 1 && created.contains(lastOne.get(0)), "the last page of one: " + lastOne);
            assertEquals(List.of(), items(staff.get("tasks?size=1&page=" + MANY + "&" + text).expect(200).object()));

            String listing = staff.get("status", "text/plain").expect(200).body();
            String[] lines = listing.split("\n");
            assertEquals(total + " scheduled jobs:", lines[0], "the listing counts every task");
            assertEquals(1000 + 2, lines.length, "and lists the first 1,000: " + lines[lines.length - 1]);
            assertEquals("… and " + (total - 1000) + " more (GET /api/tasks?page=1&size=1000 and on).",
                    lines[lines.length - 1]);
        } finally {
            List<Long> ids = new ArrayList<>(created);
            inParallel(i -> {
                staff.delete("tasks/" + ids.get(i)).expect(204, 404);
                return ids.get(i);
            }, new ArrayList<>(), ids.size());
        }
    }

    private static void inParallel(IntFunction<Long> step, List<Long> out) throws Exception {
        inParallel(step, out, MANY);
    }

    private static void inParallel(IntFunction<Long> step, List<Long> out, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> step.apply(n)));
            }
            for (Future<Long> f : done) {
                out.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
