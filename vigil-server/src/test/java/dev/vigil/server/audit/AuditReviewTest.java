package dev.vigil.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An auditor reviews a period: selects records, marks and flags them, raises a finding, signs off. */
class AuditReviewTest extends ServerTestBase {

    @Test
    void auditorReviewsAPeriodAndSignsItOff() {
        Api api = api();
        Instant start = Instant.now().minusSeconds(1);
        String auditor = unique("auditor");
        api.createUser(ADMIN_TOKEN, auditor, PASSWORD, List.of("auditor"), null);
        String token = api.login(auditor, PASSWORD);
        String slug = unique("reviewed");
        api.createTenant(ADMIN_TOKEN, slug);

        Api.Response opened = api.post("/api/v1/audit/reviews", token, Map.of("name", "period " + slug,
                "startsAt", start.toString(), "endsAt", Instant.now().plusSeconds(3600).toString()));
        assertThat(opened.status()).isEqualTo(201);
        String period = opened.text("id");
        String base = "/api/v1/audit/reviews/" + period;

        // A filter picks the tenant creation; a preset picks the permission change (the auditor's creation).
        assertThat(api.post(base + "/selections", token, Map.of("kind", "filter", "action", "tenant.*")).json().path("added").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(api.post(base + "/selections", token, Map.of("kind", "preset", "preset", "permission-changes")).json()
                .path("added").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.post(base + "/selections", token, Map.of("kind", "preset", "preset", "nope")).assertProblem(400).detail())
                .contains("permission-changes");
        assertThat(api.post(base + "/selections", token, Map.of("kind", "sample", "percent", 0)).status()).isEqualTo(400);

        List<JsonNode> pending = items(api, token, base, "pending");
        assertThat(pending).extracting(i -> i.path("record").path("action").asString()).contains("tenant.create", "user.create");

        // Signing off is refused while records are pending; flagging needs a reason.
        assertThat(api.post(base + "/sign-off", token, Map.of()).assertProblem(409).detail()).contains("pending");
        long first = pending.getFirst().path("record").path("seq").asLong();
        assertThat(api.post(base + "/items/" + first, token, Map.of("status", "flagged")).status()).isEqualTo(400);
        assertThat(api.post(base + "/items/" + first, token, Map.of("status", "flagged", "comment", "no change ticket")).status())
                .isEqualTo(204);
        for (JsonNode item : items(api, token, base, "pending")) {
            assertThat(api.post(base + "/items/" + item.path("record").path("seq").asLong(), token, Map.of("status", "reviewed")).status())
                    .isEqualTo(204);
        }

        Api.Response finding = api.post(base + "/findings", token, Map.of("title", "Change without ticket", "severity", "high",
                "owner", "admin", "dueDate", "2030-01-31", "records", List.of(first)));
        assertThat(finding.status()).isEqualTo(201);
        assertThat(api.post(base + "/findings", token, Map.of("title", "x", "severity", "urgent", "owner", "admin",
                "dueDate", "2030-01-31")).status()).isEqualTo(400);

        JsonNode signed = api.post(base + "/sign-off", token, Map.of("note", "reviewed")).json();
        assertThat(signed.path("state").asString()).isEqualTo("signed-off");
        assertThat(signed.path("signedOffBy").asString()).isEqualTo(auditor);
        assertThat(signed.path("flagged").asLong()).isEqualTo(1);
        assertThat(signed.path("openFindings").asLong()).isEqualTo(1);
        assertThat(api.post(base + "/selections", token, Map.of("kind", "filter", "action", "user.*")).assertProblem(409).problemCode())
                .isEqualTo("period-signed-off");

        // Review actions are audit records themselves.
        JsonNode marks = api.get("/api/v1/audit/records?action=audit.review.mark&actor=" + auditor + "&limit=1000", token).json();
        assertThat(marks.size()).isEqualTo(signed.path("items").asInt());
    }

    @Test
    void nobodyReviewsTheirOwnOperationsAndOnlyAuditorsReview() {
        Api api = api();
        Instant start = Instant.now().minusSeconds(1);
        String auditor = unique("self-auditor");
        api.createUser(ADMIN_TOKEN, auditor, PASSWORD, List.of("auditor"), null);
        String token = api.login(auditor, PASSWORD);
        String period = api.post("/api/v1/audit/reviews", token, Map.of("name", "own", "startsAt", start.toString(),
                "endsAt", Instant.now().plusSeconds(3600).toString())).text("id");
        api.post("/api/v1/audit/reviews/" + period + "/selections", token, Map.of("kind", "filter", "action", "auth.login"));
        JsonNode own = items(api, token, "/api/v1/audit/reviews/" + period, "pending").stream()
                .filter(i -> i.path("record").path("actor").path("name").asString().equals(auditor)).findFirst().orElseThrow();
        assertThat(api.post("/api/v1/audit/reviews/" + period + "/items/" + own.path("record").path("seq").asLong(), token,
                Map.of("status", "reviewed")).assertProblem(403).problemCode()).isEqualTo("separation-of-duties");

        String analyst = unique("analyst");
        api.createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        String analystToken = api.login(analyst, PASSWORD);
        assertThat(api.get("/api/v1/audit/reviews", analystToken).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/audit/reviews", analystToken, Map.of("name", "x", "startsAt", start.toString(),
                "endsAt", Instant.now().toString())).status()).isEqualTo(403);
    }

    private static List<JsonNode> items(Api api, String token, String base, String status) {
        List<JsonNode> items = new ArrayList<>();
        api.get(base + "/items?status=" + status + "&limit=1000", token).json().forEach(items::add);
        return items;
    }
}
