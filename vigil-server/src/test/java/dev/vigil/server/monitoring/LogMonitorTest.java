package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Error statistics from logs: a monitor counts stored events matching queries per window (per host), and its condition
 * — here the ratio of failed to all sign-ins — fires an alert through approval-applied definitions like any metric
 * monitor; the alert says what was seen. Bad queries and windows are refused naming the log series.
 */
class LogMonitorTest extends ServerTestBase {

    @Test
    void aRatioOfFailedSignInsFromLogsFiresAnAlertPerHost() {
        String run = unique("lm");
        String host = "auth-" + run;
        String quiet = "quiet-" + run;
        String operator = user("operator");
        String approver = user("approver");

        Map<String, Object> monitor = new LinkedHashMap<>();
        String name = "failed-logins-" + run;
        monitor.put("name", name);
        monitor.put("logs", List.of(
                Map.of("name", "failed", "query", "labels.run:" + run + " AND event.outcome:failure", "window", "10m", "by", "host.name"),
                Map.of("name", "all", "query", "labels.run:" + run, "window", "10m", "by", "host.name")));
        monitor.put("condition", "vigil_log_matches{monitor=\"" + name + "\",log=\"failed\"} / ignoring(log) vigil_log_matches{monitor=\""
                + name + "\",log=\"all\"} > 0.5");
        monitor.put("interval", "1s");
        monitor.put("level", "critical");
        monitor.put("target", Map.of("asset", host));
        monitor.put("receivers", Map.of("route", Map.of("team", "identity")));
        monitor.put("disposal_plan", Map.of("summary", "Password spraying?", "steps", List.of("Check the source addresses", "Lock the accounts")));

        Map<String, Object> badQuery = new LinkedHashMap<>(monitor);
        badQuery.put("logs", List.of(Map.of("name", "failed", "query", "host.name:(unclosed")));
        assertThat(api().post("/api/v1/monitors", operator, Map.of("monitor", badQuery, "reason", "x")).assertProblem(400).detail())
                .contains("logs failed: invalid query");
        Map<String, Object> badWindow = new LinkedHashMap<>(monitor);
        badWindow.put("logs", List.of(Map.of("name", "failed", "query", "*", "window", "2d")));
        assertThat(api().post("/api/v1/monitors", operator, Map.of("monitor", badWindow, "reason", "x")).assertProblem(400).detail())
                .contains("logs[0].window must be between 10s and 24h");
        Map<String, Object> twice = new LinkedHashMap<>(monitor);
        twice.put("logs", List.of(Map.of("name", "a", "query", "*"), Map.of("name", "a", "query", "*")));
        assertThat(api().post("/api/v1/monitors", operator, Map.of("monitor", twice, "reason", "x")).assertProblem(400).detail())
                .contains("logs[1].name 'a' is used twice");

        Api.Response requested = api().post("/api/v1/monitors", operator, Map.of("monitor", monitor, "reason", "watch sign-in failures"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        Api.Response approved = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/monitors/" + approved.json().path("result").path("monitorId").asString(), operator).body())
                .contains("logs", "failed", "10m");

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("auth-logs"), "platform", "json"));
        StringBuilder events = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < 7; i++) {
            events.append(event(now, host, run, i < 5 ? "failure" : "success"));
        }
        for (int i = 0; i < 4; i++) {
            events.append(event(now, quiet, run, i < 1 ? "failure" : "success"));
        }
        assertThat(ingest.ndjson(token, events.toString()).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "labels.run:" + run, 11);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> firing(name).size() == 1);
        JsonNode alert = firing(name).getFirst();
        assertThat(alert.path("severity").asString()).as("monitor level critical is alert severity high").isEqualTo("high");
        assertThat(alert.path("entities").path("host_name").asString()).as("one alert for the noisy host only").isEqualTo(host);
        assertThat(alert.path("explanation").asString()).contains("seen 0.714", "(threshold > 0.5)", "Lock the accounts");
    }

    private List<JsonNode> firing(String monitorName) {
        JsonNode alerts = api().get("/api/v1/alerts?state=firing&source=monitor", ADMIN_TOKEN).json();
        return StreamSupport.stream(alerts.spliterator(), false).filter(a -> a.path("title").asString().equals(monitorName)).toList();
    }

    private static String event(Instant at, String host, String run, String outcome) {
        return "{\"@timestamp\":\"" + at + "\",\"message\":\"sign-in " + outcome + "\",\"host\":{\"name\":\"" + host + "\"},"
                + "\"event\":{\"category\":[\"authentication\"],\"outcome\":\"" + outcome + "\"},\"labels\":{\"run\":\"" + run + "\"}}\n";
    }

    private String user(String role) {
        String name = unique(role);
        api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of(role), null);
        return api().login(name, PASSWORD);
    }
}
