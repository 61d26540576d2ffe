package dev.vigil.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.detection.DetectionApiTest;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ATT&CK for ICS loaded from its STIX bundle; Sigma rules' attack tags and their alerts mapped onto its techniques. */
class AttackCoverageTest extends ServerTestBase {

    @Test
    void loadsAttackAndShowsTechniquesWithRulesWithAlertsAndNone() throws IOException {
        byte[] bundle = Files.readAllBytes(Corpus.require("stix-2.1").resolve("attack/ics-attack.json"));
        Api.Response loaded = api().sendBytes("POST", "/api/v1/intel/attack", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofByteArray(bundle));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.text("id")).isEqualTo("ics-attack");
        assertThat(loaded.json().path("tactics").asInt()).isEqualTo(12);
        assertThat(api().sendBytes("POST", "/api/v1/intel/attack", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"type\":\"bundle\",\"objects\":[]}")).assertProblem(400).detail())
                .contains("ATT&CK");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String alerting = UUID.randomUUID().toString();
        String quiet = UUID.randomUUID().toString();
        String image = "icsblock-" + run + ".exe";
        Map<String, String> files = Map.of(
                "rules/alerting.yml", DetectionApiTest.windowsRule(alerting, "Block command " + run, image, "high")
                        + "tags:\n    - attack.t0803\n    - attack.inhibit-response-function\n",
                "rules/quiet.yml", DetectionApiTest.windowsRule(quiet, "Unauthorized command " + run, "never-" + run + ".exe", "medium")
                        + "tags:\n    - attack.t0855\n");
        Api.Response imported = api().sendBytes("POST", "/api/v1/detection/rules/import?filename=ics-" + run + ".zip", ADMIN_TOKEN,
                "application/zip", HttpRequest.BodyPublishers.ofByteArray(DetectionApiTest.zip(files)));
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("ics"), "platform", "json"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ingest.ndjson(token, DetectionApiTest.sysmonEvent("HMI-" + run, "C:\\ics\\" + image, "PLANT\\op", Instant.now()) + "\n");
            assertThat(api().get("/api/v1/alerts?source=detection&rule=" + alerting, ADMIN_TOKEN).json().size()).isGreaterThan(0);
        });

        JsonNode coverage = api().get("/api/v1/intel/attack/ics-attack/coverage?days=7", ADMIN_TOKEN).json();
        assertThat(coverage.path("name").asString()).isEqualTo("ATT&CK for ICS");
        assertThat(coverage.path("tactics")).hasSize(12);
        JsonNode block = technique(coverage, "T0803");
        assertThat(block.path("status").asString()).isEqualTo("alerted");
        assertThat(block.path("alertCount").asInt()).isGreaterThan(0);
        assertThat(block.path("rules").toString()).contains("Block command " + run);
        JsonNode unauthorized = technique(coverage, "T0855");
        assertThat(unauthorized.path("status").asString()).isEqualTo("covered");
        assertThat(unauthorized.path("rules").toString()).contains("Unauthorized command " + run);
        assertThat(coverage.path("covered").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(coverage.path("tactics").findValues("status")).anySatisfy(s -> assertThat(s.asString()).isEqualTo("none"));

        assertThat(api().get("/api/v1/intel/attack/nope/coverage", ADMIN_TOKEN).assertProblem(404).status()).isEqualTo(404);
    }

    private static JsonNode technique(JsonNode coverage, String id) {
        for (JsonNode tactic : coverage.path("tactics")) {
            for (JsonNode technique : tactic.path("techniques")) {
                if (technique.path("id").asString().equals(id)) {
                    return technique;
                }
            }
        }
        throw new AssertionError(id + " not in the coverage");
    }
}
