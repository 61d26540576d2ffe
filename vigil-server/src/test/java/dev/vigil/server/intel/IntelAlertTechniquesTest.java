package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Indicators carry the ATT&CK techniques their feed relates them to (here a STIX {@code indicates} relationship to
 * an attack pattern); the retrospective and the live alerts of a match name them in {@code threat.technique.id} and
 * their explanation, and the coverage matrix counts those alerts for the technique.
 */
class IntelAlertTechniquesTest extends ServerTestBase {

    @Test
    void intelAlertsCarryTheTechniquesOfTheirIndicatorAndCountInTheCoverage() throws IOException {
        byte[] ics = Files.readAllBytes(Corpus.require("stix-2.1").resolve("attack/ics-attack.json"));
        assertThat(api().sendBytes("POST", "/api/v1/intel/attack", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofByteArray(ics)).status()).isEqualTo(200);
        String run = unique("tq").toLowerCase();
        String domain = "c2-" + run + ".example";
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("tq-in"), "platform", "json"));
        ingest.ndjson(token, "{\"dns\":{\"question\":{\"name\":\"" + domain + "\"}},\"host\":{\"name\":\"old-" + run + "\"}}\n");
        ingest.awaitCount(ADMIN_TOKEN, "host.name:old-" + run, 1);

        String bundle = """
                {"type": "bundle", "id": "bundle--6d3c1f60-2b0e-4c7a-9f51-3e7d8a2b4c10", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--RUN", "name": "C2 domain",
                   "pattern": "[domain-name:value = 'DOMAIN']", "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
                   "confidence": 90},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--RUN", "relationship_type": "indicates",
                   "source_ref": "indicator--RUN", "target_ref": "attack-pattern--RUN"},
                  {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--RUN",
                   "name": "Standard Application Layer Protocol",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T0869"}]}
                ]}""".replace("RUN", java.util.UUID.randomUUID().toString()).replace("DOMAIN", domain);
        Api.Response feed = api().post("/api/v1/intel/feeds", ADMIN_TOKEN, Map.of("name", "tq-" + run, "format", "stix",
                "source", "Partner CERT"));
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        Api.Response imported = api().sendBytes("POST", "/api/v1/intel/feeds/" + feed.text("id") + "/indicators", ADMIN_TOKEN,
                "application/json", HttpRequest.BodyPublishers.ofString(bundle));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(intelAlerts(domain, "old-" + run))
                .anySatisfy(alert -> {
                    assertThat(alert.path("title").asString()).startsWith("Retrospective");
                    assertThat(alert.path("entities").path("threat.technique.id").asString()).isEqualTo("T0869");
                }));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ingest.ndjson(token, "{\"dns\":{\"question\":{\"name\":\"" + domain + "\"}},\"host\":{\"name\":\"new-" + run + "\"}}\n");
            assertThat(intelAlerts(domain, "new-" + run)).anySatisfy(alert -> {
                assertThat(alert.path("title").asString()).isEqualTo("Threat intelligence match: " + domain);
                assertThat(alert.path("entities").path("threat.technique.id").asString()).isEqualTo("T0869");
                assertThat(alert.path("explanation").asString()).contains("confidence 90").contains("described as: C2 domain")
                        .contains("ATT&CK techniques: T0869");
            });
        });

        JsonNode coverage = api().get("/api/v1/intel/attack/ics-attack/coverage?days=7", ADMIN_TOKEN).json();
        JsonNode technique = null;
        for (JsonNode tactic : coverage.path("tactics")) {
            for (JsonNode candidate : tactic.path("techniques")) {
                if (candidate.path("id").asString().equals("T0869")) {
                    technique = candidate;
                }
            }
        }
        assertThat(technique).as("T0869 in the ICS matrix").isNotNull();
        assertThat(technique.path("status").asString()).isEqualTo("alerted");
        assertThat(technique.path("alertCount").asInt()).isGreaterThanOrEqualTo(2);
    }

    private java.util.List<JsonNode> intelAlerts(String value, String host) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode alert : api().get("/api/v1/alerts?source=intel&limit=500", ADMIN_TOKEN).json()) {
            if (alert.path("title").asString().endsWith(value) && alert.path("entities").toString().contains(host)) {
                found.add(alert);
            }
        }
        return found;
    }
}
