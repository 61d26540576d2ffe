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
public class DetectionApiTest extends ServerTestBase {

    public static final String AUTHOR = "Vigil Tests";

    private IngestClient ingest() {
        return new IngestClient(api(), ADMIN_TOKEN);
    }

    public static String windowsRule(String id, String title, String imageSuffix, String level) {
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

    public static String sysmonEvent(String computer, String image, String user, Instant time) {
        return ("{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,"
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"%s\"}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"Computer\":\"%s\"},\"EventData\":{\"Image\":\"%s\",\"CommandLine\":\"%s /c run\",\"User\":\"%s\"}}}")
                .formatted(time, computer, image.replace("\\", "\\\\"), image.replace("\\", "\\\\"), user.replace("\\", "\\\\"));
    }

    public static byte[] zip(Map<String, String> files) {
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

    @Test
    void tenantSwitchesAndExceptionsSuppressMatchesAndEveryChangeIsAudited() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        assertThat(importZip(zip(Map.of("tuned.yml", windowsRule(sigmaId, "Tuned " + run, "tuned-" + run + ".exe", "critical"))),
                "tuned.zip").status()).isEqualTo(200);
        String id = ruleId(sigmaId);
        String tenant = "det-" + run;
        assertThat(api().post("/api/v1/tenants", ADMIN_TOKEN, Map.of("slug", tenant, "name", "Detection " + run)).status()).isEqualTo(201);

        Api.Response off = api().put("/api/v1/detection/rules/" + id + "/enabled", ADMIN_TOKEN, Map.of("enabled", false, "tenant", tenant));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("tenants").path(tenant).asBoolean()).isFalse();
        assertThat(off.json().path("enabled").asBoolean()).isTrue();
        assertThat(api().put("/api/v1/detection/rules/" + id + "/enabled", ADMIN_TOKEN, Map.of("enabled", false, "tenant", "nope-" + run))
                .assertProblem(400).detail()).contains("nope-" + run);

        Api.Response noReason = api().post("/api/v1/detection/rules/" + id + "/exceptions", ADMIN_TOKEN, Map.of("field", "host.name",
                "values", List.of("WS-EXEMPT-" + run), "expiresAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        assertThat(noReason.assertProblem(400).detail()).contains("reason");
        Api.Response past = api().post("/api/v1/detection/rules/" + id + "/exceptions", ADMIN_TOKEN, Map.of("field", "host.name",
                "values", List.of("WS-EXEMPT-" + run), "reason", "backup host", "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(past.assertProblem(400).detail()).contains("expiresAt");
        Api.Response exception = api().post("/api/v1/detection/rules/" + id + "/exceptions", ADMIN_TOKEN, Map.of("field", "host.name",
                "values", List.of("ws-exempt-" + run), "reason", "the backup host runs this tool nightly",
                "expiresAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        assertThat(exception.status()).as(exception.body()).isEqualTo(200);
        awaitActive(sigmaId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api().get("/api/v1/detection/exceptions", ADMIN_TOKEN).body().contains(exception.json().path("id").asString()));

        IngestClient ingest = ingest();
        String tenantToken = ingest.createToken(ingest.createHttpInput(unique("tenantwin"), tenant, "json"));
        String platformToken = ingest.createToken(ingest.createHttpInput(unique("platwin"), "platform", "json"));
        String image = "C:\\Tools\\tuned-" + run + ".exe";
        Instant now = Instant.now();
        ingest.ndjson(tenantToken, sysmonEvent("WS-T-" + run, image, "CORP\\bob", now) + "\n");
        ingest.ndjson(platformToken, sysmonEvent("WS-EXEMPT-" + run, image, "CORP\\svc", now) + "\n");
        ingest.ndjson(platformToken, sysmonEvent("WS-P-" + run, image, "CORP\\carol", now) + "\n");
        for (String host : List.of("WS-T-", "WS-EXEMPT-", "WS-P-")) {
            ingest.awaitCount(ADMIN_TOKEN, "host.name:" + host + run, 1);
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> alerts = alertsOf(sigmaId);
            assertThat(alerts).extracting(a -> a.path("entities").path("host.name").asString()).containsExactly("WS-P-" + run);
            assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
        });

        String exceptionId = exception.json().path("id").asString();
        assertThat(api().post("/api/v1/detection/exceptions/" + exceptionId + "/revoke", ADMIN_TOKEN, null).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/detection/exceptions/" + exceptionId + "/revoke", ADMIN_TOKEN, null).assertProblem(409).status())
                .isEqualTo(409);

        for (String action : List.of("rule.create", "rule.disable", "rule.exception.create", "rule.exception.revoke")) {
            JsonNode records = api().get("/api/v1/audit/records?action=" + action + "&limit=200", ADMIN_TOKEN).json();
            assertThat(records.toString()).as(action).contains(action.startsWith("rule.exception") ? exceptionId : id);
        }
    }

    @Test
    void reimportKeepsEveryVersionAndRetroHuntAndRuleTestsFindMatches() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        assertThat(importZip(zip(Map.of("hunt.yml", windowsRule(sigmaId, "Hunt " + run, "first-" + run + ".exe", "low"))), "v1.zip")
                .json().path("created").asInt()).isEqualTo(1);
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("huntwin"), "platform", "json"));
        Instant now = Instant.now();
        ingest.ndjson(token, sysmonEvent("WS-H-" + run, "C:\\Temp\\second-" + run + ".exe", "CORP\\dave", now.minusSeconds(30)) + "\n");
        ingest.awaitCount(ADMIN_TOKEN, "host.name:WS-H-" + run, 1);

        Api.Response again = importZip(zip(Map.of("hunt.yml", windowsRule(sigmaId, "Hunt " + run, "first-" + run + ".exe", "low"))), "v1b.zip");
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        Api.Response v2 = importZip(zip(Map.of("hunt.yml", windowsRule(sigmaId, "Hunt " + run, "second-" + run + ".exe", "low"))), "v2.zip");
        assertThat(v2.json().path("updated").asInt()).isEqualTo(1);
        String id = ruleId(sigmaId);
        JsonNode detail = api().get("/api/v1/detection/rules/" + id, ADMIN_TOKEN).json();
        assertThat(detail.path("rule").path("version").asInt()).isEqualTo(2);
        assertThat(detail.path("versions").size()).isEqualTo(2);
        assertThat(detail.path("versions").get(1).path("yaml").asString()).contains("first-" + run);
        assertThat(detail.path("yaml").asString()).contains("second-" + run);
        assertThat(api().get("/api/v1/audit/records?action=rule.update&limit=200", ADMIN_TOKEN).body()).contains(id);
        assertThat(alertsOf(sigmaId)).isEmpty();

        Api.Response hunt = api().post("/api/v1/detection/retro-hunts", ADMIN_TOKEN, Map.of("ruleId", id,
                "from", now.minus(Duration.ofHours(1)).toString(), "to", now.plus(Duration.ofMinutes(1)).toString()));
        assertThat(hunt.status()).as(hunt.body()).isEqualTo(200);
        String huntId = hunt.json().path("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode state = api().get("/api/v1/detection/retro-hunts/" + huntId, ADMIN_TOKEN).json();
            assertThat(state.path("status").asString()).isEqualTo("done");
            assertThat(state.path("matched").asLong()).isEqualTo(1);
            assertThat(state.path("scanned").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(state.path("hits").get(0).path("entities").path("host.name").asString()).isEqualTo("WS-H-" + run);
        });
        assertThat(api().post("/api/v1/detection/retro-hunts", ADMIN_TOKEN, Map.of("ruleId", id, "from", now.toString(),
                "to", now.minusSeconds(5).toString())).assertProblem(400).detail()).contains("from");

        String events = sysmonEvent("A", "C:\\x\\second-" + run + ".exe", "u", now) + "\n"
                + sysmonEvent("B", "C:\\x\\other.exe", "u", now) + "\n{not json\n";
        Api.Response test = api().post("/api/v1/detection/rules/" + id + "/test", ADMIN_TOKEN, Map.of("events", events));
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().path("events").asInt()).isEqualTo(2);
        assertThat(test.json().path("matches").size()).isEqualTo(1);
        assertThat(test.json().path("matches").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(test.json().path("errors").get(0).asString()).startsWith("line 3");
        Api.Response badRule = api().post("/api/v1/detection/rules/test", ADMIN_TOKEN, Map.of("yaml", "title: x\nlogsource: {}\n",
                "events", "{}"));
        assertThat(badRule.assertProblem(400).problemCode()).isEqualTo("invalid-rule");
    }

    @Test
    void alertsAreAcknowledgedAndResolvedWithAReason() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        importZip(zip(Map.of("life.yml", windowsRule(sigmaId, "Lifecycle " + run, "life-" + run + ".exe", "medium"))), "life.zip");
        awaitActive(sigmaId);
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("lifewin"), "platform", "json"));
        ingest.ndjson(token, sysmonEvent("WS-L-" + run, "C:\\life-" + run + ".exe", "CORP\\erin", Instant.now()) + "\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(sigmaId).size() == 1);
        String alertId = alertsOf(sigmaId).get(0).path("id").asString();

        Api.Response ack = api().post("/api/v1/alerts/" + alertId + "/acknowledge", ADMIN_TOKEN, Map.of("comment", "looking"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().path("acknowledgedBy").asString()).isEqualTo("admin");
        assertThat(api().post("/api/v1/alerts/" + alertId + "/resolve", ADMIN_TOKEN, Map.of()).assertProblem(400).detail())
                .contains("resolution");
        Api.Response resolved = api().post("/api/v1/alerts/" + alertId + "/resolve", ADMIN_TOKEN, Map.of("resolution", "test tool, benign"));
        assertThat(resolved.json().path("state").asString()).isEqualTo("resolved");
        assertThat(api().post("/api/v1/alerts/" + alertId + "/resolve", ADMIN_TOKEN, Map.of("resolution", "again")).assertProblem(409)
                .status()).isEqualTo(409);
        assertThat(api().get("/api/v1/alerts?state=firing&rule=" + sigmaId, ADMIN_TOKEN).json().size()).isZero();
        assertThat(api().get("/api/v1/alerts?severity=urgent", ADMIN_TOKEN).assertProblem(400).detail()).contains("urgent");
        assertThat(api().get("/api/v1/alerts/" + UUID.randomUUID(), ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/alerts/summary", ADMIN_TOKEN).json().has("critical")).isTrue();
    }

    @Test
    void cliImportsAFolderOfRulesIntoARunningServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        java.nio.file.Path rules = java.nio.file.Files.createDirectories(dir.resolve("my-rules").resolve("windows"));
        java.nio.file.Files.writeString(rules.resolve("cli.yml"), windowsRule(sigmaId, "CLI " + run, "cli-" + run + ".exe", "low"));
        java.nio.file.Files.writeString(rules.resolve("bad.yaml"), "title: [unclosed\n");
        java.nio.file.Files.writeString(rules.resolve("notes.txt"), "ignored");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        var cli = dev.vigil.server.VigilMain.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute("rules", "import", dir.resolve("my-rules").toString(), "--server", api().base(), "--token", ADMIN_TOKEN);
        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("2 files: 1 new, 0 changed, 0 unchanged, 1 problems");
        assertThat(err.toString()).contains("my-rules/windows/bad.yaml:2: invalid YAML");
        assertThat(ruleId(sigmaId)).isNotBlank();
        assertThat(cli.execute("rules", "import", dir.resolve("missing").toString(), "--server", api().base(), "--token", ADMIN_TOKEN))
                .isEqualTo(2);
    }

    @Test
    void correlationsFireOverTheLiveStreamAndTheirBaseRulesStayQuiet() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String baseId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String correlation = """
                title: Repeated base %s
                id: %s
                author: %s
                correlation:
                    type: event_count
                    rules:
                        - %s
                    group-by:
                        - Computer
                    timespan: 10m
                    condition:
                        gte: 3
                level: critical
                """.formatted(run, correlationId, AUTHOR, baseId);
        Api.Response report = importZip(zip(Map.of("base.yml", windowsRule(baseId, "Base " + run, "corr-" + run + ".exe", "low"),
                "correlation.yml", correlation)), "corr.zip");
        assertThat(report.json().path("created").asInt()).as(report.body()).isEqualTo(2);
        awaitActive(baseId);
        awaitActive(correlationId);

        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("corrwin"), "platform", "json"));
        Instant now = Instant.now();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            events.append(sysmonEvent("WS-C-" + run, "C:\\corr-" + run + ".exe", "CORP\\frank", now.plusSeconds(i))).append('\n');
        }
        events.append(sysmonEvent("WS-D-" + run, "C:\\corr-" + run + ".exe", "CORP\\frank", now)).append('\n');
        ingest.ndjson(token, events.toString());
        ingest.awaitCount(ADMIN_TOKEN, "host.name:WS-C-" + run, 3);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> alerts = alertsOf(correlationId);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
            assertThat(alerts.get(0).path("entities").path("Computer").asString()).isEqualTo("WS-C-" + run);
            assertThat(alerts.get(0).path("eventIds").size()).isEqualTo(3);
            assertThat(alerts.get(0).path("explanation").asString()).isNotBlank();
        });
        assertThat(alertsOf(baseId)).isEmpty();
    }

    @Test
    void cloudTrailRecordsMeetAwsRulesAndOthersDoNot() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        String rule = """
                title: Trail stopped %s
                id: %s
                author: %s
                logsource:
                    product: aws
                    service: cloudtrail
                detection:
                    selection:
                        eventSource: cloudtrail.amazonaws.com
                        eventName: StopLogging
                        requestParameters.name|endswith: '%s'
                    condition: selection
                level: high
                """.formatted(run, sigmaId, AUTHOR, run);
        assertThat(importZip(zip(Map.of("aws.yml", rule)), "aws.zip").json().path("created").asInt()).isEqualTo(1);
        awaitActive(sigmaId);
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("cloudtrail"), "platform", "json"));
        String record = "{\"eventVersion\":\"1.08\",\"eventTime\":\"%s\",\"eventSource\":\"cloudtrail.amazonaws.com\","
                + "\"eventName\":\"StopLogging\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.30\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\"},\"requestParameters\":{\"name\":\"trail-%s\"}}";
        String lookalike = "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"requestParameters\":"
                + "{\"name\":\"trail-" + run + "\"},\"note\":\"not a CloudTrail record\"}";
        ingest.ndjson(token, record.formatted(Instant.now(), run) + "\n" + lookalike + "\n");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> alerts = alertsOf(sigmaId);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).path("occurrences").asLong()).isEqualTo(1);
            assertThat(alerts.get(0).path("entities").path("user.name").asString()).isEqualTo("mallory");
            assertThat(alerts.get(0).path("entities").path("source.ip").asString()).isEqualTo("203.0.113.30");
        });
    }

    @Test
    void cloudTrailFilesAndSecurityComplianceAlertsMeetTheirRules() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String trailId = UUID.randomUUID().toString();
        String sccId = UUID.randomUUID().toString();
        String trailRule = """
                title: Bucket policy deleted %s
                id: %s
                author: %s
                logsource: {product: aws, service: cloudtrail}
                detection:
                    selection:
                        eventSource: s3.amazonaws.com
                        eventName: DeleteBucketPolicy
                        requestParameters.bucketName: 'b-%s'
                    condition: selection
                level: high
                """.formatted(run, trailId, AUTHOR, run);
        // SigmaHQ's threat_management layout: eventSource / eventName / status over unified audit log alerts
        String sccRule = """
                title: SCC alert %s
                id: %s
                author: %s
                logsource: {product: m365, service: threat_management}
                detection:
                    selection:
                        eventSource: SecurityComplianceCenter
                        eventName: 'Potential ransomware activity %s'
                        status: success
                    condition: selection
                level: medium
                """.formatted(run, sccId, AUTHOR, run);
        assertThat(importZip(zip(Map.of("trail.yml", trailRule, "scc.yml", sccRule)), "cloud.zip").json().path("created")
                .asInt()).isEqualTo(2);
        awaitActive(trailId);
        awaitActive(sccId);
        IngestClient ingest = ingest();
        String token = ingest.createToken(ingest.createHttpInput(unique("cloudfiles"), "platform", "json"));
        String record = "{\"eventVersion\":\"1.09\",\"eventTime\":\"%s\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"%s\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.31\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"mallory\"},"
                + "\"requestParameters\":{\"bucketName\":\"b-%s\"}}";
        String now = Instant.now().toString();
        String file = "{\"Records\":[" + record.formatted(now, "GetBucketPolicy", run) + ","
                + record.formatted(now, "DeleteBucketPolicy", run) + "]}";
        assertThat(ingest.post("/api/v1/ingest/json", "Bearer " + token, file.getBytes(StandardCharsets.UTF_8), Map.of())
                .statusCode()).isEqualTo(200);
        String alert = "{\"CreationTime\":\"%s\",\"Id\":\"%s\",\"Operation\":\"AlertTriggered\",\"RecordType\":40,"
                + "\"ResultStatus\":\"Succeeded\",\"UserId\":\"SecurityComplianceAlerts\",\"Workload\":\"%s\","
                + "\"Name\":\"Potential ransomware activity %s\",\"Category\":\"ThreatManagement\",\"Severity\":\"High\"}";
        String creation = now.substring(0, 19);
        ingest.ndjson(token, alert.formatted(creation, UUID.randomUUID(), "SecurityComplianceCenter", run) + "\n"
                + alert.formatted(creation, UUID.randomUUID(), "AzureActiveDirectory", run) + "\n");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> trail = alertsOf(trailId);
            assertThat(trail).hasSize(1);
            assertThat(trail.get(0).path("occurrences").asLong()).isEqualTo(1);
            assertThat(trail.get(0).path("entities").path("user.name").asString()).isEqualTo("mallory");
            List<JsonNode> scc = alertsOf(sccId);
            assertThat(scc).hasSize(1);
            assertThat(scc.get(0).path("occurrences").asLong()).as("the AzureActiveDirectory record is out of scope")
                    .isEqualTo(1);
        });
    }

    /** Rules compile after their change commits; waits until the running rule set has this one. */
    void awaitActive(String sigmaId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api().get("/api/v1/detection/rules/" + ruleId(sigmaId), ADMIN_TOKEN).json().path("rule").path("state")
                        .asString()).isEqualTo("active"));
    }
}
