package dev.vigil.server.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Detection end to end: rule import (archive, problems by file and line, versions), the detect stage on ingested
 * events turning matches into deduplicated alerts, tenant switches, exceptions, rule tests, retro-hunts and the alert
 * lifecycle.
 */
class DetectionApiTest extends ServerTestBase {

    static final String AUTHOR = "Vigil Tests";

    private IngestClient ingest() {
        return new IngestClient(api(), ADMIN_TOKEN);
    }

    static String windowsRule(String id, String title, String imageSuffix, String level) {
        return """
                title: %s
                id: %s
                status: test
                description: Test rule for an executable name.
                author: %s
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\%s'
                    condition: selection
                falsepositives:
                    - None known
                level: %s
                """.formatted(title, id, AUTHOR, imageSuffix, level);
    }

    static String sysmonEvent(String computer, String image, String user, Instant time) {
        return ("{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,"
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"%s\"}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"Computer\":\"%s\"},\"EventData\":{\"Image\":\"%s\",\"CommandLine\":\"%s /c run\",\"User\":\"%s\"}}}")
                .formatted(time, computer, image.replace("\\", "\\\\"), image.replace("\\", "\\\\"), user.replace("\\", "\\\\"));
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    Api.Response importZip(byte[] zip, String name) {
        return api().sendBytes("POST", "/api/v1/detection/rules/import?filename=" + name, ADMIN_TOKEN, "application/zip",
                HttpRequest.BodyPublishers.ofByteArray(zip));
    }

    String ruleId(String sigmaId) {
        Api.Response list = api().get("/api/v1/detection/rules?q=" + sigmaId, ADMIN_TOKEN);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        return list.json().get(0).path("id").asString();
    }

    List<JsonNode> alertsOf(String sigmaId) {
        Api.Response alerts = api().get("/api/v1/alerts?source=detection&rule=" + sigmaId, ADMIN_TOKEN);
        assertThat(alerts.status()).as(alerts.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        alerts.json().forEach(list::add);
        return list;
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void importedRulesRaiseDeduplicatedAlertsWithTheRuleAuthorAndEntities() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String windowsId = UUID.randomUUID().toString();
        String linuxId = UUID.randomUUID().toString();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/windows/marker.yml", windowsRule(windowsId, "Marker executable " + run, "marker-" + run + ".exe", "high"));
        files.put("rules/linux/ssh.yml", """
                title: SSH marker %s
                id: %s
                author: %s
                logsource:
                    product: linux
                    service: sshd
                detection:
                    keywords:
                        - '*sshmark-%s*'
                    condition: keywords
                level: medium
                """.formatted(run, linuxId, AUTHOR, run));
        files.put("rules/broken.yml", "title: Broken\nid: " + UUID.randomUUID() + "\nlogsource:\n    product: windows\n");
        files.put("README.md", "not a rule");

        Api.Response report = importZip(zip(files), "test-" + run + ".zip");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("files").asInt()).isEqualTo(3);
        assertThat(report.json().path("created").asInt()).isEqualTo(2);
        assertThat(report.json().path("problems").get(0).asString()).startsWith("rules/broken.yml:").contains("detection");

        IngestClient ingest = ingest();
        String jsonToken = ingest.createToken(ingest.createHttpInput(unique("winlog"), "platform", "json"));
        Instant now = Instant.now();
        String image = "C:\\Temp\\marker-" + run + ".exe";
        awaitActive(windowsId);
        awaitActive(linuxId);

        assertThat(ingest.ndjson(jsonToken, sysmonEvent("WS-" + run, image, "CORP\\alice", now) + "\n"
                + sysmonEvent("WS-" + run, image, "CORP\\alice", now.plusSeconds(1)) + "\n"
                + sysmonEvent("WS-" + run, image, "CORP\\alice", now.plusSeconds(2)) + "\n").statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "host.name:WS-" + run, 3);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> alerts = alertsOf(windowsId);
            assertThat(alerts).hasSize(1);
            JsonNode alert = alerts.get(0);
            assertThat(alert.path("occurrences").asLong()).isEqualTo(3);
            assertThat(alert.path("eventIds").size()).isEqualTo(3);
            assertThat(alert.path("title").asString()).isEqualTo("Marker executable " + run);
            assertThat(alert.path("author").asString()).isEqualTo(AUTHOR);
            assertThat(alert.path("severity").asString()).isEqualTo("high");
            assertThat(alert.path("state").asString()).isEqualTo("firing");
            assertThat(alert.path("tenant").asString()).isEqualTo("platform");
            assertThat(alert.path("entities").path("host.name").asString()).isEqualTo("WS-" + run);
            assertThat(alert.path("explanation").asString()).contains("Image=" + image).contains("None known");
        });
        String eventId = alertsOf(windowsId).get(0).path("eventIds").get(0).asString();
        assertThat(api().get("/api/v1/events/" + eventId, ADMIN_TOKEN).json().path("fields").path("Image").asString()).isEqualTo(image);

        String lineToken = ingest.createToken(ingest.createHttpInput(unique("authlog"), "platform", "line"));
        assertThat(ingest.ndjson(lineToken, "Nov 29 10:00:00 srv-" + run + " sshd[4242]: Failed password for root from 192.0.2.9 port 22 ssh2 sshmark-"
                + run + "\n").statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> alerts = alertsOf(linuxId);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).path("entities").path("source.ip").asString()).isEqualTo("192.0.2.9");
            assertThat(alerts.get(0).path("entities").path("user.name").asString()).isEqualTo("root");
            assertThat(alerts.get(0).path("severity").asString()).isEqualTo("medium");
        });

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode rule = api().get("/api/v1/detection/rules/" + ruleId(windowsId), ADMIN_TOKEN).json().path("rule");
            assertThat(rule.path("hits").asLong()).isEqualTo(3);
            assertThat(rule.path("lastHit").isNull()).isFalse();
        });
    }

    /** Rules compile after their change commits; waits until the running rule set has this one. */
    void awaitActive(String sigmaId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api().get("/api/v1/detection/rules/" + ruleId(sigmaId), ADMIN_TOKEN).json().path("rule").path("state")
                        .asString()).isEqualTo("active"));
    }
}
