package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.incident.internal.SlaBreachJob;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SLA timers run from the declaration at the incident's level: a timer that runs out raises exactly one alert through
 * alerting (also when the job runs again, as after a restart) and shows on the incident; metrics count time to
 * acknowledge and SLA compliance per level.
 */
class IncidentSlaAndMetricsTest extends ServerTestBase {

    @Autowired
    SlaBreachJob job;

    @Test
    void aTimerThatRunsOutRaisesOneAlertAndShowsOnTheIncident() {
        String slug = unique("sla");
        api().createTenant(ADMIN_TOKEN, slug);
        String id = open(slug, "Ransom note on file server");
        setLevel(id, 1);
        backdate(id, 3600);

        job.run();
        job.run();
        JsonNode incident = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json();
        JsonNode timers = incident.path("slaTimers");
        assertThat(timers.get(0).path("state").asString()).as("15 minutes to acknowledge at level I").isEqualTo("breached");
        assertThat(timers.get(1).path("state").asString()).as("4 hours to contain").isEqualTo("running");
        assertThat(incident.path("slaBreaches").size()).isEqualTo(1);
        String alertId = incident.path("slaBreaches").get(0).path("alertId").asString();
        JsonNode alerts = api().get("/api/v1/alerts?source=incident&tenant=" + slug, ADMIN_TOKEN).json();
        assertThat(alerts.size()).as("one alert for one breach, however often the job runs").isEqualTo(1);
        assertThat(alerts.get(0).path("id").asString()).isEqualTo(alertId);
        assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
        assertThat(alerts.get(0).path("title").asString()).contains(incident.path("ref").asString(), "acknowledged");
        assertThat(IncidentApiTest.texts(incident.path("timeline"), "kind")).contains("sla");

        assertThat(api().post("/api/v1/incidents/" + id + "/transition", ADMIN_TOKEN, Map.of("to", "triage")).status()).isEqualTo(200);
        JsonNode late = api().get("/api/v1/incidents/" + id, ADMIN_TOKEN).json().path("slaTimers").get(0);
        assertThat(late.path("state").asString()).isEqualTo("met-late");
    }

    @Test
    void metricsGiveTimeToAcknowledgeAndSlaCompliancePerLevel() {
        String slug = unique("metrics");
        api().createTenant(ADMIN_TOKEN, slug);
        String relaxed = open(slug, "Spam wave");
        String urgent = open(slug, "Exfiltration");
        setLevel(urgent, 1);
        backdate(relaxed, 3600);
        backdate(urgent, 3600);
        for (String id : List.of(relaxed, urgent)) {
            assertThat(api().post("/api/v1/incidents/" + id + "/transition", ADMIN_TOKEN, Map.of("to", "triage")).status()).isEqualTo(200);
        }
        Api.Response response = api().get("/api/v1/incidents/metrics?tenant=" + slug, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode overall = response.json().path("overall");
        assertThat(overall.path("incidents").asInt()).isEqualTo(2);
        assertThat(overall.path("timeToAcknowledge").path("count").asInt()).isEqualTo(2);
        assertThat(overall.path("timeToAcknowledge").path("meanSeconds").asLong()).isBetween(3590L, 3700L);
        assertThat(overall.path("timeToContain").path("count").asInt()).isZero();
        JsonNode acknowledge = overall.path("sla").path("acknowledge");
        assertThat(acknowledge.path("met").asInt()).as("level IV allows 8 hours").isEqualTo(1);
        assertThat(acknowledge.path("metLate").asInt()).as("level I allows 15 minutes").isEqualTo(1);
        assertThat(acknowledge.path("compliance").asDouble()).isEqualTo(0.5);
        assertThat(IncidentApiTest.texts(response.json().path("byLevel"), "key")).containsExactly("I (P1)", "IV (P4)");
        assertThat(api().get("/api/v1/incidents/metrics?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", ADMIN_TOKEN)
                .assertProblem(400).detail()).contains("before");
    }

    private String open(String tenant, String title) {
        Api.Response created = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", title, "summary", "s", "tenant", tenant));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private void setLevel(String id, int level) {
        assertThat(api().put("/api/v1/incidents/" + id + "/level", ADMIN_TOKEN, Map.of("level", level, "reason", "test")).status())
                .isEqualTo(200);
    }

    /** Moves the declaration into the past, as if the incident had been open that long. */
    private void backdate(String id, int seconds) {
        jdbc.sql("UPDATE incident SET created_at = created_at - make_interval(secs => ?) WHERE id = ?")
                .params(seconds, UUID.fromString(id)).update();
    }
}
