package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Just-in-time access: a request becomes a grant for its window only after approval by someone else, plus the tenant's
 * authorizer for a target holding a tenant's data; break-glass grants at once, loudly, and waits for its review.
 */
class AccessRequestTest extends ServerTestBase {

    private String target(UUID tenant) {
        String name = unique("jit");
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "host", "10.0.9.9"));
        if (tenant != null) {
            body.put("tenantId", tenant.toString());
        }
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", "ops", "credentialKind", "password", "secret", "Target-pass-1")).status()).isEqualTo(201);
        return name;
    }

    private String login(String role, UUID tenant) {
        String name = unique(role);
        api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of(role), tenant);
        return api().login(name, PASSWORD);
    }

    private List<JsonNode> grantsOf(String target) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api().get("/api/v1/access/grants", ADMIN_TOKEN).json().forEach(g -> {
            if (target.equals(g.path("targetName").asString())) {
                found.add(g);
            }
        });
        return found;
    }

    @Test
    void aRequestBecomesAGrantForItsWindowOnlyAfterApprovalByOthersAndTheTenantsAuthorizer() {
        UUID tenant = api().createTenant(ADMIN_TOKEN, unique("jit-tenant"));
        String target = target(tenant);
        String operator = login("operator", null);
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(api().post("/api/v1/access/requests", operator, Map.of("target", target, "account", "ops", "until", until.toString()))
                .assertProblem(400).detail()).contains("purpose");
        assertThat(api().post("/api/v1/access/requests", operator, Map.of("target", target, "account", "nobody", "purpose", "x",
                "until", until.toString())).assertProblem(400).detail()).contains("no account 'nobody'");
        assertThat(api().post("/api/v1/access/requests", operator, Map.of("target", target, "account", "ops", "purpose", "x",
                "until", Instant.now().plus(Duration.ofDays(8)).toString())).assertProblem(400).detail()).contains("7 days");

        Api.Response requested = api().post("/api/v1/access/requests", operator, Map.of("target", target, "account", "ops",
                "channels", List.of("exec"), "purpose", "INC-42: collect the nginx logs", "until", until.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("tenantAuthorization").asBoolean()).isTrue();
        String change = requested.text("id");
        assertThat(api().post("/api/v1/changes/" + change + "/approve", operator, Map.of()).status()).as("never the requester").isEqualTo(403);

        Api.Response first = api().post("/api/v1/changes/" + change + "/approve", login("approver", null), Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.text("state")).as("the tenant's authorizer has not approved yet").isEqualTo("pending");
        assertThat(grantsOf(target)).isEmpty();

        Api.Response second = api().post("/api/v1/changes/" + change + "/approve", login("tenant-authorizer", tenant), Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.text("state")).isNotEqualTo("pending");
        List<JsonNode> granted = grantsOf(target);
        assertThat(granted).hasSize(1);
        assertThat(granted.getFirst().path("account").asString()).isEqualTo("ops");
        assertThat(granted.getFirst().path("channels").get(0).asString()).isEqualTo("exec");
        assertThat(granted.getFirst().path("channels").size()).isEqualTo(1);
        assertThat(Instant.parse(granted.getFirst().path("validUntil").asString())).isEqualTo(until);
        assertThat(granted.getFirst().path("reason").asString()).contains("INC-42");
        assertThat(granted.getFirst().path("active").asBoolean()).isTrue();
    }

    @Test
    void breakGlassGrantsAtOnceRaisesACriticalAlertAndAwaitsItsReview() {
        String target = target(null);
        String operator = login("operator", null);
        Api.Response requested = api().post("/api/v1/access/requests", operator, Map.of("target", target, "account", "ops",
                "purpose", "database down, on-call cannot reach an approver", "until", Instant.now().plusSeconds(1800).toString(),
                "breakGlass", true));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("emergency").asBoolean()).isTrue();
        assertThat(requested.text("reviewState")).isEqualTo("required");
        assertThat(grantsOf(target)).hasSize(1);
        JsonNode alerts = api().get("/api/v1/alerts?source=bastion&state=firing&limit=200", ADMIN_TOKEN).json();
        boolean raised = false;
        for (JsonNode alert : alerts) {
            raised |= alert.path("title").asString().startsWith("Break-glass access to ops@" + target)
                    && alert.path("severity").asString().equals("critical");
        }
        assertThat(raised).as(alerts.toString()).isTrue();
    }
}
