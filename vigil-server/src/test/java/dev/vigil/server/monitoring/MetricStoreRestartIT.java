package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The metric store lives on disk: samples taken before a restart are still answered by query_range after it. */
class MetricStoreRestartIT {

    private static final String TOKEN = "vgl_metric-store-restart-token-0123456789abcdef";

    @Test
    void samplesFromBeforeARestartAreQueryableAfterIt() throws Exception {
        Path dataDir = TestDirs.fresh("metrics-restart");
        Path metrics = dataDir.resolve("elsewhere-metrics");
        String[] settings = {"vigil.bootstrap.admin-password=Metric-Restart-Passphrase-1", "vigil.bootstrap.api-token=" + TOKEN,
                "vigil.monitoring.path=" + metrics};
        String query = URLEncoder.encode("probe_success{component=\"restarted\"}", StandardCharsets.UTF_8);
        String range;
        String before;
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             RunningServer server = RunningServer.start(dataDir, settings)) {
            var created = server.api().post("/api/v1/components", TOKEN, Map.of("name", "restarted", "owner", "ops",
                    "criticality", "low", "exposure", "internal",
                    "probes", List.of(Map.of("type", "tcp", "target", "127.0.0.1:" + listening.getLocalPort(), "interval", "1s"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    server.api().get("/api/v1/metrics/query?query=" + query, TOKEN).json().size() == 1);
            // every step from here on has a sample at or before it
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Instant end = start.plusSeconds(4);
            range = "/api/v1/metrics/query_range?query=" + query + "&start=" + start + "&end=" + end + "&step=1s";
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode points = server.api().get(range, TOKEN).json().path(0).path("points");
                return points.size() == 5 && points.get(4).path("timestampMs").asLong() == end.toEpochMilli();
            });
            before = server.api().get(range, TOKEN).json().toString();
        }
        assertThat(Files.isDirectory(metrics.resolve("wal"))).as("the store is where vigil.monitoring.path says").isTrue();
        try (RunningServer again = RunningServer.start(dataDir, settings)) {
            JsonNode after = again.api().get(range, TOKEN).json();
            assertThat(after.toString()).isEqualTo(before);
            assertThat(after.get(0).path("points")).hasSize(5)
                    .allSatisfy(p -> assertThat(p.path("value").asDouble()).isEqualTo(1.0));
        }
    }

    @Test
    void aRetentionBelowOneBlockStopsTheStartNamingTheKey() {
        Path dataDir = TestDirs.fresh("metrics-retention");
        Throwable failure = null;
        try (RunningServer ignored = RunningServer.start(dataDir, "vigil.monitoring.retention=30m")) {
            // must not start
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        Throwable root = failure;
        StringBuilder messages = new StringBuilder();
        while (root != null) {
            messages.append(root.getMessage()).append('\n');
            root = root.getCause();
        }
        assertThat(messages.toString()).contains("vigil.monitoring.retention").contains("at least 2h");
    }
}
