package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health probes of a component (HTTP status and body, TCP connect, DNS) become probe_* metrics; bad probes are refused. */
class ProbeTest extends ServerTestBase {

    @Test
    void probeResultsAreMetrics() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/ok", exchange -> {
            byte[] body = "status: all good".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        web.start();
        int closedPort;
        try (ServerSocket probeMe = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = closed.getLocalPort();
            }
            String base = "http://127.0.0.1:" + web.getAddress().getPort();
            String name = unique("probed");
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("name", name);
            component.put("owner", "ops");
            component.put("criticality", "medium");
            component.put("exposure", "external");
            component.put("probes", List.of(
                    Map.of("type", "http", "target", base + "/ok", "bodyMatch", "all good", "interval", "1s"),
                    Map.of("type", "http", "target", base + "/ok?page=2", "bodyMatch", "degraded", "interval", "1s"),
                    Map.of("type", "http", "target", base + "/broken", "interval", "1s"),
                    Map.of("type", "tcp", "target", "127.0.0.1:" + probeMe.getLocalPort(), "interval", "1s"),
                    Map.of("type", "tcp", "target", "127.0.0.1:" + closedPort, "interval", "1s"),
                    Map.of("type", "dns", "target", "localhost", "interval", "1s")));
            var created = api().post("/api/v1/components", ADMIN_TOKEN, component);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("probes").size()).isEqualTo(6);

            String query = URLEncoder.encode("probe_success{component=\"" + name + "\"}", StandardCharsets.UTF_8);
            Map<String, Double> success = new HashMap<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                success.clear();
                for (JsonNode sample : api().get("/api/v1/metrics/query?query=" + query, ADMIN_TOKEN).json()) {
                    success.put(sample.path("labels").path("probe").asString(), sample.path("value").asDouble());
                }
                return success.size() == 6;
            });
            assertThat(success).containsEntry("http:" + base + "/ok", 1.0).containsEntry("http:" + base + "/broken", 0.0)
                    .containsEntry("tcp:127.0.0.1:" + probeMe.getLocalPort(), 1.0).containsEntry("tcp:127.0.0.1:" + closedPort, 0.0)
                    .containsEntry("dns:localhost", 1.0);
            assertThat(success.values().stream().filter(v -> v == 0.0).count()).as("body mismatch fails too").isEqualTo(3);
            String status = URLEncoder.encode("probe_http_status_code{component=\"" + name + "\",probe=~\".*broken\"}", StandardCharsets.UTF_8);
            assertThat(api().get("/api/v1/metrics/query?query=" + status, ADMIN_TOKEN).json().path(0).path("value").asDouble()).isEqualTo(503.0);

            component.put("name", unique("badprobe"));
            component.put("probes", List.of(Map.of("type", "icmp", "target", "x")));
            assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component).assertProblem(400).detail()).contains("http, tcp or dns");
            component.put("probes", List.of(Map.of("type", "tcp", "target", "no-port")));
            assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component).assertProblem(400).detail()).contains("host:port");
            component.put("probes", List.of(Map.of("type", "dns", "target", "localhost"), Map.of("type", "dns", "target", "localhost")));
            assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component).assertProblem(400).detail()).contains("twice");
            component.put("probes", List.of(Map.of("type", "http", "target", base, "bodyMatch", "(")));
            assertThat(api().post("/api/v1/components", ADMIN_TOKEN, component).assertProblem(400).detail()).contains("bodyMatch");
        } finally {
            web.stop(0);
        }
    }
}
