package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end with a real node_exporter (Debian's prometheus-node-exporter) on a free loopback port: the catalogue
 * component is scraped, an approved monitor on its memory metric fires an alert that GET /api/v1/alerts?state=firing
 * shows (with level, target, value against the threshold, since when, disposal plan) and that reaches the monitor's
 * named receiver; when the exporter stops, its series go stale and the alert resolves.
 */
class NodeExporterMonitoringTest extends ServerTestBase {

    private static final Path EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

    @Test
    void aMonitorOnRealNodeExporterMetricsFiresAndResolves() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(EXPORTER),
                "SKIPPED: " + EXPORTER + " is missing (apt-get install prometheus-node-exporter; .ci/run installs it)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process exporter = new ProcessBuilder(EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--collector.disable-defaults", "--collector.meminfo", "--collector.filesystem", "--collector.loadavg",
                "--collector.netdev", "--collector.cpu").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        webhook.createContext("/", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        try {
            awaitExporter(port);
            String op = unique("neop");
            String ap = unique("neap");
            api().createUser(ADMIN_TOKEN, op, PASSWORD, List.of("operator"), null);
            api().createUser(ADMIN_TOKEN, ap, PASSWORD, List.of("approver"), null);
            String operator = api().login(op, PASSWORD);
            String approver = api().login(ap, PASSWORD);
            String receiver = unique("oncall");
            assertThat(api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", receiver, "minSeverity", "critical",
                    "channels", List.of(Map.of("type", "webhook", "url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"))))
                    .status()).isEqualTo(201);
            String component = unique("node");
            Api.Response created = api().post("/api/v1/components", operator, Map.of("name", component, "owner", "ops", "criticality", "high",
                    "exposure", "internal", "assets", List.of("localhost"), "scrapeUrl", "http://127.0.0.1:" + port + "/metrics",
                    "scrapeInterval", "1s"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode up = api().get("/api/v1/metrics/query?query=up%7Bcomponent%3D%22" + component + "%22%7D", operator).json();
                assertThat(up.path(0).path("value").asDouble()).isEqualTo(1.0);
            });
            assertThat(api().get("/api/v1/components/" + created.text("id"), operator).text("health")).startsWith("up");

            String name = unique("memory-present");
            Map<String, Object> monitor = Map.of("name", name,
                    "condition", "node_memory_MemTotal_bytes{component=\"" + component + "\"} / 1024 > 1",
                    "for", "2s", "interval", "1s", "level", "critical", "target", Map.of("component", component),
                    "receivers", Map.of("names", List.of(receiver)),
                    "disposal_plan", Map.of("summary", "Memory reported", "steps", List.of("Look at the host", "Call the owner")));
            Api.Response requested = api().post("/api/v1/monitors", operator, Map.of("monitor", monitor, "reason", "end-to-end check"));
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            JsonNode applied = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of()).json();
            String monitorId = applied.path("result").path("monitorId").asString();

            JsonNode alert = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .failFast("the monitor failed to evaluate", () -> !api().get("/api/v1/monitors/" + monitorId, operator).json()
                            .path("status").path("lastError").isNull())
                    .until(() -> api().get("/api/v1/alerts?state=firing&rule=" + monitorId, ADMIN_TOKEN).json(), a -> a.size() == 1).path(0);
            assertThat(alert.path("title").asString()).isEqualTo(name);
            assertThat(alert.path("source").asString()).isEqualTo("monitor");
            assertThat(alert.path("severity").asString()).isEqualTo("high");
            assertThat(alert.path("entities").path("component").asString()).isEqualTo(component);
            assertThat(alert.path("entities").path("instance").asString()).isEqualTo("127.0.0.1:" + port);
            assertThat(alert.path("explanation").asString()).startsWith("critical on component " + component + ": seen ")
                    .contains("(threshold > 1)", ", since 20", "Disposal plan:\nMemory reported\n1. Look at the host\n2. Call the owner");
            assertThat(api().get("/api/v1/alerts?state=firing", ADMIN_TOKEN).json().findValuesAsString("id")).contains(alert.path("id").asString());
            assertThat(api().get("/api/v1/monitors/" + monitorId, operator).json().path("status").path("firing").asInt()).isEqualTo(1);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> delivered.stream().anyMatch(b -> b.contains(name)));
            assertThat(delivered.stream().filter(b -> b.contains(name)).findFirst().orElseThrow()).contains("Disposal plan");

            exporter.destroy();
            exporter.waitFor();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> api().get("/api/v1/alerts?state=resolved&rule=" + monitorId, ADMIN_TOKEN).json().size() == 1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api().get("/api/v1/components/" + created.text("id"), operator).text("health")).startsWith("down"));

            api().post("/api/v1/changes/" + api().delete("/api/v1/monitors/" + monitorId + "?reason=done", operator).text("id") + "/approve",
                    approver, Map.of());
        } finally {
            exporter.destroy();
            webhook.stop(0);
        }
    }

    private static void awaitExporter(int port) {
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
