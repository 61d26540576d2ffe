package dev.vigil.server.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.Corpus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Sigma conformance cases through the whole server: the cases' rules imported as an archive, their Windows events
 * sent over HTTP, parsed and normalized by the event path and matched by the detect stage. Each case's rule must raise
 * alerts for exactly the expected lines of its own events — the same result the offline engine gives on the raw files.
 */
class SigmaCorpusPipelineTest extends ServerTestBase {

    @Test
    void everyCaseMatchesExactlyItsExpectedLinesThroughIngestAndAlerts() throws IOException {
        Path cases = Corpus.require("sigma").resolve("cases");
        String run = UUID.randomUUID().toString();
        Map<String, String> rules = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        StringBuilder events = new StringBuilder();
        Instant base = Instant.now().minus(Duration.ofMinutes(5));
        int sent = 0;
        try (Stream<Path> dirs = Files.list(cases)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                rules.put("cases/" + id + "/rule.yml", Files.readString(dir.resolve("rule.yml")));
                JsonNode info = Api.JSON.readTree(Files.readString(dir.resolve("case.json")));
                TreeSet<Integer> lines = new TreeSet<>();
                info.path("expected_match_lines").forEach(line -> lines.add(line.asInt()));
                expected.put(id, lines);
                List<String> eventLines = Files.readAllLines(dir.resolve("events.jsonl"));
                for (int i = 0; i < eventLines.size(); i++) {
                    String line = eventLines.get(i).strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    String recent = line.replaceFirst("\"SystemTime\":\"[^\"]*\"", "\"SystemTime\":\"" + base.plusMillis(sent) + "\"");
                    events.append("{\"vigil_run\":\"").append(run).append("\",\"vigil_case\":\"").append(id)
                            .append("\",\"vigil_line\":").append(i).append(',').append(recent.substring(1)).append('\n');
                    sent++;
                }
            }
        }

        Api.Response report = api().sendBytes("POST", "/api/v1/detection/rules/import?filename=cases.zip", ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(DetectionApiTest.zip(rules)));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("problems").size()).as(report.body()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode listed = api().get("/api/v1/detection/rules?limit=1000", ADMIN_TOKEN).json();
            List<String> notActive = new ArrayList<>();
            listed.forEach(rule -> {
                if (expected.containsKey(rule.path("sigmaId").asString()) && !rule.path("state").asString().equals("active")) {
                    notActive.add(rule.path("sigmaId").asString() + " " + rule.path("state").asString() + " " + rule.path("problem").asString());
                }
            });
            assertThat(notActive).isEmpty();
        });

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("sigma-cases"), "platform", "json"));
        assertThat(ingest.ndjson(token, events.toString()).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "vigil_run:" + run, sent);

        Map<String, TreeSet<Integer>> actual = new TreeMap<>();
        Map<String, JsonNode> eventsById = new LinkedHashMap<>();
        for (String caseId : expected.keySet()) {
            TreeSet<Integer> lines = new TreeSet<>();
            for (JsonNode alert : api().get("/api/v1/alerts?source=detection&limit=500&rule=" + caseId, ADMIN_TOKEN).json()) {
                for (JsonNode eventId : alert.path("eventIds")) {
                    JsonNode fields = eventsById.computeIfAbsent(eventId.asString(),
                            e -> api().get("/api/v1/events/" + e, ADMIN_TOKEN).json().path("fields"));
                    if (fields.path("vigil_run").asString().equals(run) && fields.path("vigil_case").asString().equals(caseId)) {
                        lines.add(fields.path("vigil_line").asInt());
                    }
                }
            }
            actual.put(caseId, lines);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
