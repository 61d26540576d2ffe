package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.detection.DetectionApiTest;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A routing tree in Alertmanager's format decides who is told: the first matching child route wins, the receivers'
 * own filters no longer apply, and an inhibit rule holds back a low alert while a critical one fires for the same
 * host. Routed alerts go out grouped (here after a group_wait of 1s; NotificationGroupingTest covers grouping). Bad
 * trees are refused naming the line or the unknown receiver; every version is kept.
 */
class RoutingTest extends ServerTestBase {

    @Test
    void theTreeChoosesReceiversAndInhibitsLowAlertsUnderACriticalOne() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());
        http.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            for (String name : List.of("crit", "default")) {
                assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", name + "-" + run, "minSeverity", "critical",
                        "channels", List.of(Map.of("type", "webhook", "url", base + "/" + name + "/" + run)))).status()).isEqualTo(201);
            }
            assertThat(putRouting("route:\n  receiver: nobody-" + run + "\nreceivers:\n  - name: nobody-" + run + "\n")
                    .assertProblem(400).detail()).contains("nobody-" + run);
            assertThat(putRouting("route:\n  receiver: [\n").assertProblem(400).detail()).startsWith("routing.yml:");
            String tree = """
                    route:
                      receiver: default-%1$s
                      group_wait: 1s
                      routes:
                        - matchers: ['severity="critical"']
                          receiver: crit-%1$s
                    receivers:
                      - name: default-%1$s
                      - name: crit-%1$s
                    inhibit_rules:
                      - source_matchers: ['severity="critical"']
                        target_matchers: ['severity="low"']
                        equal: [host_name]
                    """.formatted(run);
            Api.Response put = putRouting(tree);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(api().get("/api/v1/alerting/routing", ADMIN_TOKEN).json().path("yaml").asString()).contains("crit-" + run);

            String critRule = UUID.randomUUID().toString();
            String lowRule = UUID.randomUUID().toString();
            api().sendBytes("POST", "/api/v1/detection/rules/import?filename=r.zip", ADMIN_TOKEN, "application/zip",
                    HttpRequest.BodyPublishers.ofByteArray(DetectionApiTest.zip(Map.of(
                            "c.yml", DetectionApiTest.windowsRule(critRule, "Routed critical " + run, "crit-" + run + ".exe", "critical"),
                            "l.yml", DetectionApiTest.windowsRule(lowRule, "Routed low " + run, "low-" + run + ".exe", "low")))));
            for (String id : List.of(critRule, lowRule)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/api/v1/detection/rules?q=" + id, ADMIN_TOKEN)
                        .json().path(0).path("state").asString().equals("active"));
            }
            IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
            String token = ingest.createToken(ingest.createHttpInput(unique("routing"), "platform", "json"));
            ingest.ndjson(token, DetectionApiTest.sysmonEvent("WS-R-" + run, "C:\\crit-" + run + ".exe", "CORP\\x", Instant.now()) + "\n");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/alerts?rule=" + critRule, ADMIN_TOKEN).json().size() == 1);
            ingest.ndjson(token, DetectionApiTest.sysmonEvent("WS-R-" + run, "C:\\low-" + run + ".exe", "CORP\\x", Instant.now()) + "\n"
                    + DetectionApiTest.sysmonEvent("WS-Q-" + run, "C:\\low-" + run + ".exe", "CORP\\x", Instant.now()) + "\n");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/alerts?rule=" + lowRule, ADMIN_TOKEN).json().size() == 2);

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(statuses(critRule, run)).containsExactly("crit-" + run + " sent");
                List<String> low = statuses(lowRule, run);
                assertThat(low).containsExactlyInAnyOrder("default-" + run + " sent", "default-" + run + " held: inhibited by an inhibit rule");
            });
            assertThat(paths).contains("/crit/" + run, "/default/" + run).doesNotContain("/default/" + run + "/x");
            assertThat(paths.stream().filter(p -> p.equals("/default/" + run)).count()).isEqualTo(1);
        } finally {
            assertThat(putRouting("").status()).isEqualTo(200);
            http.stop(0);
        }
        assertThat(api().get("/api/v1/alerting/routing", ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/alerting/routing/versions", ADMIN_TOKEN).json().size()).isGreaterThanOrEqualTo(2);
    }

    private Api.Response putRouting(String yaml) {
        return api().sendBytes("PUT", "/api/v1/alerting/routing", ADMIN_TOKEN, "application/yaml", HttpRequest.BodyPublishers.ofString(yaml));
    }

    /** "receiver status[: why silenced or held]" of each notification of the rule's alerts that went to this run's receivers. */
    private List<String> statuses(String rule, String run) {
        List<String> out = new ArrayList<>();
        for (JsonNode alert : api().get("/api/v1/alerts?rule=" + rule, ADMIN_TOKEN).json()) {
            for (JsonNode n : api().get("/api/v1/alerts/" + alert.path("id").asString() + "/notifications", ADMIN_TOKEN).json()) {
                if (n.path("receiver").asString().endsWith("-" + run)) {
                    out.add(n.path("receiver").asString() + " " + n.path("status").asString()
                            + (n.path("status").asString().equals("silenced") ? ": " + n.path("lastError").asString()
                            : n.path("status").asString().equals("held") ? ": " + n.path("heldBack").asString() : ""));
                }
            }
        }
        return out;
    }
}
