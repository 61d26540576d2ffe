package dev.vigil.server.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.detection.internal.BaselineRunner;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Learned baselines on the live stream: definitions, findings as alerts, and learned state that survives a restart. */
class BaselineApiTest extends ServerTestBase {

    @Autowired
    BaselineRunner runner;

    @Test
    void aNewNetworkForAUserIsAnAlertAndWhatWasLearnedSurvivesARestart() {
        assertThat(api().get("/api/v1/detection/baselines", ADMIN_TOKEN).body()).contains("ssh-login-new-network")
                .contains("auth-failure-volume").contains("host-new-program");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "net-" + run;
        Map<String, Object> definition = Map.of("name", name, "kind", "new-terms", "entityFields", List.of("user.name"),
                "field", "source.ip", "transform", "ipv4-network-24",
                "match", Map.of("event.action", "ssh_login", "event.outcome", "success"), "severity", "high",
                "sensitivity", 1.0, "warmup", "1s", "warmupEvents", 2);
        Api.Response created = api().post("/api/v1/detection/baselines", ADMIN_TOKEN, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/detection/baselines", ADMIN_TOKEN, Map.of("name", "bad-" + run, "kind", "magic",
                "entityFields", List.of("user.name"))).assertProblem(400).detail()).contains("kind");
        assertThat(api().post("/api/v1/detection/baselines", ADMIN_TOKEN, Map.of("name", "Bad Name", "kind", "rarity",
                "entityFields", List.of("user.name"))).assertProblem(400).detail()).contains("name");

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("sshd"), "platform", "json"));
        String user = "bob" + run;
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        StringBuilder learning = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            learning.append(login(user, "10.1.1." + (5 + i), start.plusSeconds(i))).append('\n');
        }
        learning.append(login(user, "203.0.113.9", start.plusSeconds(60))).append('\n');
        ingest.ndjson(token, learning.toString());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode alerts = api().get("/api/v1/alerts?source=baseline&rule=" + name, ADMIN_TOKEN).json();
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).path("entities").path("source.ip").asString()).startsWith("203.0.113.0/24");
            assertThat(alerts.get(0).path("entities").path("entity").asString()).contains(user);
            assertThat(alerts.get(0).path("severity").asString()).isEqualTo("high");
            assertThat(alerts.get(0).path("explanation").asString()).contains("expected");
        });

        runner.restartFromDisk();
        assertThat(api().get("/api/v1/detection/baselines/" + name, ADMIN_TOKEN).json().path("entities").asInt()).isEqualTo(1);
        ingest.ndjson(token, login(user, "10.1.1.77", start.plusSeconds(120)) + "\n" + login(user, "198.51.100.3", start.plusSeconds(180)) + "\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode alerts = api().get("/api/v1/alerts?source=baseline&rule=" + name, ADMIN_TOKEN).json();
            assertThat(alerts.size()).isEqualTo(2);
            assertThat(alerts.get(0).path("entities").path("source.ip").asString()).startsWith("198.51.100.0/24");
        });

        Api.Response off = api().put("/api/v1/detection/baselines/" + name + "/enabled", ADMIN_TOKEN, Map.of("enabled", false));
        assertThat(off.json().path("enabled").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/audit/records?action=baseline.disable&limit=50", ADMIN_TOKEN).body()).contains(name);
    }

    private static String login(String user, String ip, Instant at) {
        return "{\"@timestamp\":\"" + at + "\",\"event\":{\"action\":\"ssh_login\",\"outcome\":\"success\"},\"user\":{\"name\":\"" + user
                + "\"},\"source\":{\"ip\":\"" + ip + "\"}}";
    }
}
