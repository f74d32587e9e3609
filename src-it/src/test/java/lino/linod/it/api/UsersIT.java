package lino.linod.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;

/** {@code /users}: staff create, replace and delete users; the new password and roles count at once. */
class UsersIT {

    private final LinodApi staff = LinodApi.staff();

    private Map<String, Object> listed(String name) {
        for (Map<String, Object> user : LinodApi.objects(staff.get("users").expect(200).list())) {
            if (name.equals(user.get("name"))) {
                return user;
            }
        }
        return null;
    }

    @Test
    void listsTheAdminAsStaff() {
        Map<String, Object> admin = listed(RunningLinod.ADMIN);
        assertEquals(List.of("staff"), admin == null ? null : admin.get("roles"), "admin in " + staff.get("users"));
        for (Map<String, Object> user : LinodApi.objects(staff.get("users").expect(200).list())) {
            assertEquals(null, user.get("password"), "GET /users must not show passwords: " + user);
        }
    }

    @Test
    void createReplaceAndDeleteAUser() {
        String name = LinodApi.uniqueName("it-api-user");
        staff.put("users/" + name, Json.object("password", "First-pass-1", "roles", List.of("viewer"))).expect(201);
        assertEquals(List.of("viewer"), listed(name).get("roles"));
        LinodApi first = LinodApi.as(name, "First-pass-1");
        first.get("tasks").expect(200);
        first.post("tasks", Json.object("procedure", "checkdata",
                "recurrence", Json.object("every", 1, "unit", "never"))).expectProblem(403);

        staff.put("users/" + name, Json.object("password", "Second-pass-2", "roles", List.of("staff"))).expect(200);
        assertEquals(List.of("staff"), listed(name).get("roles"));
        first.get("tasks").expect(401);
        LinodApi second = LinodApi.as(name, "Second-pass-2");
        Map<String, Object> task = second.post("tasks",
                Json.object("procedure", "checkdata",
                        "recurrence", Json.object("every", 1, "unit", "never"), "name", name)).expect(201).object();
        assertEquals(name, task.get("name"));
        second.get("users").expect(200);

        staff.delete("users/" + name).expect(204);
        assertNull(listed(name));
        second.get("tasks").expect(401);
        staff.delete("users/" + name).expectProblem(404);
    }

    @Test
    void rejectsBadUsersAndStoresNothing() {
        String name = LinodApi.uniqueName("it-api-baduser");
        staff.put("users/" + name, Json.object("password", "Good-pass-1", "roles", List.of("superuser")))
                .expectInvalid("roles");
        staff.put("users/" + name, Json.object("password", "Good-pass-1", "roles", "staff")).expectInvalid("roles");
        staff.put("users/" + name, Json.object("roles", List.of("viewer"))).expectInvalid("password");
        staff.put("users/" + name, Json.object("password", 4711, "roles", List.of("viewer")))
                .expectInvalid("password");
        staff.send("PUT", "users/" + name, "application/json", "{\"password\": \"x\", ").expectProblem(400);
        assertNull(listed(name), "a rejected PUT created the user");
        LinodApi.as(name, "Good-pass-1").get("tasks").expect(401);
    }

    @Test
    void unknownUserIs404() {
        staff.delete("users/" + LinodApi.uniqueName("it-api-nobody")).expectProblem(404);
    }
}
