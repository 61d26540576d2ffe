package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The per-asset risk counts firing alerts and open incidents that name the asset and its coverage gaps, and the
 * tenant posture history follows (formula in docs/risk.md).
 */
class RiskInputsTest extends ServerTestBase {

    @Autowired
    AlertIntake alerts;

    @Autowired
    RiskService risk;

    private JsonNode assetRisk(String tenant) {
        Api.Response response = api().get("/api/v1/risk/assets?tenant=" + tenant, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().size()).isEqualTo(1);
        return response.json().get(0);
    }

    private AlertView raise(String tenant, String source, AlertSeverity severity, Map<String, String> entities) {
        return alerts.raise(new AlertDraft(tenant, source, "risk-test", "Risk test " + source, "", severity,
                unique("risk-key"), Duration.ofMinutes(5), entities, List.of(), "raised by the risk test", Instant.now(), 1));
    }

    @Test
    void alertsIncidentsAndCoverageGapsRaiseTheAssetsRisk() {
        String tenant = unique("risk");
        api().createTenant(ADMIN_TOKEN, tenant);
        Api.Response created = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", "db-1",
                "kind", "host", "criticality", 5, "hostnames", List.of("db-1.corp.example")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode quiet = assetRisk(tenant);
        assertThat(quiet.path("coverageGaps").toString())
                .contains("not-scanned", "no-logs", "not-monitored", "no-bastion-target");
        assertThat(quiet.path("score").asInt()).as("5/5 × (100 + 60 + 40 + 20)").isEqualTo(220);

        AlertView high = raise(tenant, "detection", AlertSeverity.HIGH, Map.of("host.name", "db-1.corp.example"));
        raise(tenant, "detection", AlertSeverity.CRITICAL, Map.of("host.name", "other-host.corp.example"));
        raise(tenant, "vuln", AlertSeverity.CRITICAL, Map.of("host.name", "db-1"));
        JsonNode alerted = assetRisk(tenant);
        assertThat(alerted.path("firingAlerts").asInt()).as("the other host's alert and the SLA alert do not count").isEqualTo(1);
        assertThat(alerted.path("score").asInt()).as("+ high alert 120").isEqualTo(340);

        Api.Response incident = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Database tampering",
                "summary", "rows changed", "tenant", tenant, "affectedAssets", List.of("db-1")));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        JsonNode withIncident = assetRisk(tenant);
        assertThat(withIncident.path("openIncidents").asInt()).isEqualTo(1);
        assertThat(withIncident.path("score").asInt()).as("+ ungraded open incident 150").isEqualTo(490);
        risk.recordPosture();
        JsonNode posture = api().get("/api/v1/risk/posture?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(posture.path("score").asInt()).isEqualTo(490);
        assertThat(posture.path("history").get(0).path("score").asInt()).isEqualTo(490);

        // each read of the risk list queries alerts; more reads than the connection pool holds must not exhaust it
        for (int i = 0; i < 15; i++) {
            assertThat(assetRisk(tenant).path("score").asInt()).isEqualTo(490);
        }

        Api.Response resolved = api().post("/api/v1/alerts/" + high.id() + "/resolve", ADMIN_TOKEN, Map.of("resolution", "benign"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(assetRisk(tenant).path("score").asInt()).as("a resolved alert no longer counts").isEqualTo(370);
        risk.recordPosture();
        JsonNode after = api().get("/api/v1/risk/posture?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(after.path("history").get(0).path("score").asInt()).as("today's value follows").isEqualTo(370);
    }
}
