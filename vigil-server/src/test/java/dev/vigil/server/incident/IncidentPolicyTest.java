package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertRaised;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.platform.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The auto-open policy: an alert matching the configured matchers opens an incident; a later matching alert that
 * shares an entity joins it; others are left alone; a bad policy stops the start naming the key.
 */
class IncidentPolicyTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    @Autowired
    IncidentService incidents;

    @Test
    void matchingAlertsOpenOrJoinAnIncident() {
        String slug = unique("policy");
        api().createTenant(ADMIN_TOKEN, slug);
        IncidentPolicy policy = new IncidentPolicy(incidents, "severity=\"critical\", tenant=\"" + slug + "\"", Duration.ofHours(24));

        policy.on(new AlertRaised(raise(slug, AlertSeverity.CRITICAL, "prod-db-1")));
        policy.on(new AlertRaised(raise(slug, AlertSeverity.CRITICAL, "prod-db-1")));
        policy.on(new AlertRaised(raise(slug, AlertSeverity.HIGH, "prod-db-1")));
        policy.on(new AlertRaised(raise(slug, AlertSeverity.CRITICAL, "prod-web-9")));

        JsonNode list = api().get("/api/v1/incidents?limit=1000", ADMIN_TOKEN).json();
        List<String> ours = IncidentApiTest.texts(list, "tenant").stream().filter(slug::equals).toList();
        assertThat(ours).as("one incident per host: the second critical alert on prod-db-1 joined the first").hasSize(2);
        for (JsonNode summary : list) {
            if (summary.path("tenant").asString().equals(slug)) {
                JsonNode incident = api().get("/api/v1/incidents/" + summary.path("id").asString(), ADMIN_TOKEN).json();
                assertThat(incident.path("createdBy").asString()).isEqualTo("system:incident-policy");
                assertThat(incident.path("grading").path("proposedLevel").asInt()).isEqualTo(1);
                boolean db = incident.path("title").asString().contains("prod-db-1");
                assertThat(incident.path("alerts").size()).isEqualTo(db ? 2 : 1);
            }
        }
        assertThatThrownBy(() -> new IncidentPolicy(incidents, "severity critical", Duration.ofHours(1)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("vigil.incident.auto-open");
    }

    private AlertView raise(String tenant, AlertSeverity severity, String host) {
        return intake.raise(new AlertDraft(tenant, "detection", UUID.randomUUID().toString(), "Ransomware on " + host, "tester",
                severity, UUID.randomUUID().toString(), Duration.ofMinutes(10), Map.of("host.name", host), List.of(), "", Instant.now(), 1));
    }
}
