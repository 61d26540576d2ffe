package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Schedules through the API: a weekly rotation with a business-hours layer on top, an override that wins, the coverage
 * check that flags the hours nobody holds, and bad input refused with a reason. Audited.
 */
class OnCallScheduleTest extends ServerTestBase {

    @Test
    void whoIsOnCallFollowsLayersAndOverridesAndCoverageShowsTheGapHour() {
        String name = unique("primary");
        Api.Response created = api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", name, "timezone", "Europe/Berlin",
                "rotations", List.of(
                        Map.of("name", "week", "type", "weekly", "handoff", "09:00", "handoffDay", "monday",
                                "participants", List.of("alice", "bob"), "startsOn", "2026-03-02",
                                "restriction", Map.of("from", "00:00", "to", "23:00")),
                        Map.of("name", "business", "type", "daily", "handoff", "09:00", "participants", List.of("carol"),
                                "startsOn", "2026-03-02", "restriction", Map.of("from", "09:00", "to", "17:00")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String base = "/api/v1/oncall/schedules/" + id;

        assertThat(who(base, "2026-03-10T07:00:00Z")).isEqualTo("bob");       // 08:00 Berlin: the weekly layer
        assertThat(who(base, "2026-03-10T09:00:00Z")).isEqualTo("carol");     // 10:00 Berlin: the business layer on top
        assertThat(who(base, "2026-03-03T07:59:00Z")).isEqualTo("alice");
        Api.Response override = api().post(base + "/overrides", ADMIN_TOKEN,
                Map.of("user", "dave", "from", "2026-03-10T08:30:00Z", "to", "2026-03-10T10:00:00Z"));
        assertThat(override.status()).as(override.body()).isEqualTo(201);
        JsonNode during = api().get(base + "/who?at=2026-03-10T09:00:00Z", ADMIN_TOKEN).json();
        assertThat(during.path("user").asString()).isEqualTo("dave");
        assertThat(during.path("source").asString()).isEqualTo("override");
        JsonNode before = api().get(base + "/who?at=2026-03-01T12:00:00Z", ADMIN_TOKEN).json();
        assertThat(before.path("user").isNull() || before.path("user").isMissingNode()).as(before.toString()).isTrue();

        JsonNode coverage = api().get(base + "/coverage?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z", ADMIN_TOKEN).json();
        assertThat(coverage.path("covered").asBoolean()).isFalse();
        assertThat(coverage.path("uncoveredMinutes").asLong()).isEqualTo(60);
        assertThat(coverage.path("gaps").path(0).path("from").asString()).isEqualTo("2026-03-10T22:00:00Z");
        assertThat(coverage.path("gaps").path(0).path("to").asString()).isEqualTo("2026-03-10T23:00:00Z");

        JsonNode schedule = api().get(base, ADMIN_TOKEN).json();
        assertThat(schedule.path("rotations").path(0).path("participants").path(1).asString()).isEqualTo("bob");
        assertThat(schedule.path("overrides").path(0).path("user").asString()).isEqualTo("dave");
        assertThat(api().get("/api/v1/audit/records?action=oncall.override.create&objectId=" + id, ADMIN_TOKEN).body())
                .contains("dave");
    }

    @Test
    void badSchedulesAreRefusedWithAReason() {
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", unique("bad"), "timezone", "Mars/Olympus",
                "rotations", List.of(Map.of("name", "r", "type", "daily", "participants", List.of("a"))))).assertProblem(400).detail())
                .contains("Mars/Olympus");
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", unique("bad"), "timezone", "UTC",
                "rotations", List.of(Map.of("name", "r", "type", "weekly", "handoff", "25:00", "handoffDay", "monday",
                        "participants", List.of("a"))))).assertProblem(400).detail()).contains("25:00");
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", unique("bad"), "timezone", "UTC",
                "rotations", List.of(Map.of("name", "r", "type", "hourly", "participants", List.of("a"))))).assertProblem(400).detail())
                .contains("hourly");
        String name = unique("dup");
        Map<String, Object> ok = Map.of("name", name, "timezone", "UTC",
                "rotations", List.of(Map.of("name", "r", "type", "daily", "participants", List.of("a"))));
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, ok).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, ok).assertProblem(409).detail()).contains(name);
        String id = api().get("/api/v1/oncall/schedules", ADMIN_TOKEN).json().valueStream()
                .filter(s -> s.path("name").asString().equals(name)).findFirst().orElseThrow().path("id").asString();
        assertThat(api().post("/api/v1/oncall/schedules/" + id + "/overrides", ADMIN_TOKEN,
                Map.of("user", "a", "from", "2026-03-10T10:00:00Z", "to", "2026-03-10T09:00:00Z")).assertProblem(400).detail())
                .contains("before");
        assertThat(api().get("/api/v1/oncall/schedules/" + id + "/coverage?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                ADMIN_TOKEN).assertProblem(400).detail()).contains("92 days");
    }

    private String who(String base, String at) {
        return api().get(base + "/who?at=" + at, ADMIN_TOKEN).json().path("user").asString();
    }

    @Test
    void shiftsCutADayByWhoIsOnCallAndSchedulesAndOverridesCanBeChangedAndRemoved() {
        String name = unique("edited");
        Api.Response created = api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, Map.of("name", name, "timezone", "UTC",
                "rotations", List.of(Map.of("name", "days", "type", "daily", "handoff", "08:00", "participants", List.of("erin", "frank"),
                        "startsOn", "2026-05-04", "restriction", Map.of("from", "08:00", "to", "20:00")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String base = "/api/v1/oncall/schedules/" + created.text("id");
        String day = "?from=2026-05-05T00:00:00Z&to=2026-05-06T00:00:00Z";
        JsonNode shifts = api().get(base + "/shifts" + day, ADMIN_TOKEN).json();
        assertThat(shifts).hasSize(3);
        assertThat(shifts.get(0).path("user").isNull()).isTrue();
        assertThat(shifts.get(1).path("from").asString()).isEqualTo("2026-05-05T08:00:00Z");
        assertThat(shifts.get(1).path("to").asString()).isEqualTo("2026-05-05T20:00:00Z");
        assertThat(shifts.get(1).path("user").asString()).isEqualTo("frank");
        assertThat(shifts.get(1).path("source").asString()).isEqualTo("rotation:days");

        Api.Response override = api().post(base + "/overrides", ADMIN_TOKEN, Map.of("user", "gus", "from", "2026-05-05T12:00:00Z",
                "to", "2026-05-05T13:00:00Z"));
        assertThat(api().get(base + "/shifts" + day, ADMIN_TOKEN).json()).hasSize(5);
        assertThat(api().delete(base + "/overrides/" + override.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api().get(base + "/shifts" + day, ADMIN_TOKEN).json()).hasSize(3);
        assertThat(api().delete(base + "/overrides/" + override.text("id"), ADMIN_TOKEN).status()).isEqualTo(404);

        Api.Response changed = api().put(base, ADMIN_TOKEN, Map.of("name", name, "timezone", "UTC",
                "rotations", List.of(Map.of("name", "round-the-clock", "type", "daily", "handoff", "08:00", "participants", List.of("erin"),
                        "startsOn", "2026-05-04"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode covered = api().get(base + "/shifts" + day, ADMIN_TOKEN).json();
        assertThat(covered).hasSize(1);
        assertThat(covered.get(0).path("user").asString()).isEqualTo("erin");
        assertThat(api().put(base, ADMIN_TOKEN, Map.of("name", name, "timezone", "Nowhere/Else", "rotations", List.of(
                Map.of("name", "r", "type", "daily", "participants", List.of("erin"))))).assertProblem(400).detail()).contains("Nowhere/Else");
        assertThat(api().get(base + "/shifts?from=2026-05-05T00:00:00Z&to=2026-05-04T00:00:00Z", ADMIN_TOKEN).status()).isEqualTo(400);

        String analyst = unique("analyst");
        api().createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        assertThat(api().delete(base, api().login(analyst, PASSWORD)).status()).isEqualTo(403);
        assertThat(api().delete(base, ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api().get(base, ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/audit/records?action=oncall.schedule.update&objectId=" + created.text("id"), ADMIN_TOKEN).body())
                .contains("round-the-clock");
    }

    @Test
    void aScheduleThatAnEscalationPolicyPagesCannotBeDeletedOrRenamed() {
        String name = unique("paged");
        Map<String, Object> definition = Map.of("name", name, "timezone", "UTC",
                "rotations", List.of(Map.of("name", "r", "type", "daily", "participants", List.of("hal"))));
        Api.Response created = api().post("/api/v1/oncall/schedules", ADMIN_TOKEN, definition);
        String base = "/api/v1/oncall/schedules/" + created.text("id");
        String policy = unique("uses");
        assertThat(api().post("/api/v1/oncall/escalation-policies", ADMIN_TOKEN, Map.of("name", policy, "steps",
                List.of(Map.of("schedules", List.of(name))))).status()).isEqualTo(201);
        assertThat(api().delete(base, ADMIN_TOKEN).assertProblem(409).detail()).contains(policy);
        assertThat(api().put(base, ADMIN_TOKEN, Map.of("name", name + "-renamed", "timezone", "UTC", "rotations",
                definition.get("rotations"))).assertProblem(409).detail()).contains("cannot be renamed");
        assertThat(api().put(base, ADMIN_TOKEN, Map.of("name", name, "timezone", "Europe/Paris", "rotations",
                definition.get("rotations"))).status()).as("same name, other zone").isEqualTo(200);
    }
}
