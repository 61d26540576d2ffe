package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Range queries over the metric store, as the console's charts use them: one point per step, and clear refusals. */
class MetricRangeQueryTest extends ServerTestBase {

    @Test
    void aProbeSeriesHasOnePointPerStepAndBadRangesAreRefused() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String name = unique("ranged");
            var created = api().post("/api/v1/components", ADMIN_TOKEN, Map.of("name", name, "owner", "ops", "criticality", "low",
                    "exposure", "internal", "probes", List.of(Map.of("type", "tcp", "target", "127.0.0.1:" + listening.getLocalPort(),
                            "interval", "1s"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String query = URLEncoder.encode("probe_success{component=\"" + name + "\"}", StandardCharsets.UTF_8);
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    api().get("/api/v1/metrics/query?query=" + query, ADMIN_TOKEN).json().size() == 1);
            Instant end = start.plusSeconds(4);
            String range = "/api/v1/metrics/query_range?query=" + query + "&start=" + start + "&end=" + end + "&step=1s";
            // the last step has a point once the probe has sampled past it
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode result = api().get(range, ADMIN_TOKEN).json();
                return result.size() == 1 && lastTimestamp(result.get(0)) == end.toEpochMilli();
            });
            JsonNode series = api().get(range, ADMIN_TOKEN).json();
            assertThat(series).hasSize(1);
            assertThat(series.get(0).path("labels").path("component").asString()).isEqualTo(name);
            List<Long> times = new ArrayList<>();
            series.get(0).path("points").forEach(p -> {
                times.add(p.path("timestampMs").asLong());
                assertThat(p.path("value").asDouble()).isEqualTo(1.0);
            });
            assertThat(times).as("one point per step once the probe had run").isNotEmpty().isSorted()
                    .allSatisfy(t -> assertThat((t - start.toEpochMilli()) % 1000).isZero()).contains(end.toEpochMilli());

            String bounds = "&start=" + start + "&end=" + end;
            assertThat(api().get("/api/v1/metrics/query_range?query=" + query + bounds + "&step=0.5", ADMIN_TOKEN)
                    .assertProblem(400).detail()).contains("at least 1s");
            assertThat(api().get("/api/v1/metrics/query_range?query=" + query + bounds + "&step=often", ADMIN_TOKEN)
                    .assertProblem(400).detail()).contains("step 'often'");
            assertThat(api().get("/api/v1/metrics/query_range?query=" + query + "&start=" + end + "&end=" + start + "&step=1s", ADMIN_TOKEN)
                    .assertProblem(400).detail()).contains("end must not be before start");
            assertThat(api().get("/api/v1/metrics/query_range?query=" + query + "&start=" + start.minus(Duration.ofDays(1)) + "&end=" + end
                    + "&step=1s", ADMIN_TOKEN).assertProblem(400).detail()).contains("more than 11000 steps");
            assertThat(api().get("/api/v1/metrics/query_range?query=" + URLEncoder.encode("sum(", StandardCharsets.UTF_8) + bounds
                    + "&step=1s", ADMIN_TOKEN).assertProblem(400).problemCode()).isEqualTo("invalid-query");
        }
    }

    private static long lastTimestamp(JsonNode series) {
        JsonNode points = series.path("points");
        return points.isEmpty() ? -1 : points.get(points.size() - 1).path("timestampMs").asLong();
    }
}
