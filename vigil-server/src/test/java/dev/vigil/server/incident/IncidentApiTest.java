package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The incident API end to end: open from alerts, merge and suggest related alerts, grade and set the level, walk every
 * phase with the validated requirements (409 naming what is missing), fail and pass a retest, review, and the report in
 * every format; every transition leaves an audit record.
 */
class IncidentApiTest extends ServerTestBase {

    @Autowired
    AlertIntake intake;

    static UUID raise(AlertIntake intake, String tenant, String title, AlertSeverity severity, Map<String, String> entities, Instant at) {
        return intake.raise(new AlertDraft(tenant, "detection", UUID.randomUUID().toString(), title, "tester", severity,
                UUID.randomUUID().toString(), Duration.ofMinutes(10), entities, List.of(), "explained", at, 1)).id();
    }

    @Test
    void anIncidentFromAlertsGoesThroughEveryPhaseOnlyWhenItsRequirementsAreMet() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "ws-" + run;
        Instant now = Instant.now();
        UUID first = raise(intake, "platform", "Mimikatz on " + host, AlertSeverity.HIGH,
                Map.of("host.name", host, "source.ip", "10.9.8.7"), now.minusSeconds(600));
        UUID second = raise(intake, "platform", "Lateral movement from " + host, AlertSeverity.MEDIUM,
                Map.of("host.name", host), now.minusSeconds(300));
        UUID sameIp = raise(intake, "platform", "Scan from 10.9.8.7 " + run, AlertSeverity.LOW,
                Map.of("destination.ip", "10.9.8.7"), now.minusSeconds(200));
        UUID unrelated = raise(intake, "platform", "Other " + run, AlertSeverity.LOW, Map.of("host.name", "elsewhere-" + run), now);

        Api.Response created = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("alertIds", List.of(first), "type", "malware"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode incident = created.json();
        String id = incident.path("id").asString();
        String path = "/api/v1/incidents/" + id;
        assertThat(incident.path("phase").asString()).isEqualTo("new");
        assertThat(incident.path("title").asString()).isEqualTo("Mimikatz on " + host);
        assertThat(incident.path("tenant").asString()).isEqualTo("platform");
        assertThat(incident.path("grading").path("proposedLevel").asInt()).as("a high alert proposes level II").isEqualTo(2);
        assertThat(incident.path("plan").path("title").asString()).isEqualTo("Malware infection");
        assertThat(texts(incident.path("tasks"), "title")).contains("Isolate the affected hosts");
        assertThat(texts(incident.path("observables"), "value")).contains(host, "10.9.8.7");
        assertThat(incident.path("slaTimers").size()).isEqualTo(3);

        JsonNode suggestions = api().get(path + "/suggestions", ADMIN_TOKEN).json();
        List<String> suggested = texts(suggestions, "alert", "id");
        assertThat(suggested).contains(second.toString(), sameIp.toString()).doesNotContain(unrelated.toString(), first.toString());
        assertThat(api().post(path + "/alerts", ADMIN_TOKEN, Map.of("alertIds", List.of(second))).json().path("alerts").size()).isEqualTo(2);
        assertThat(api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("alertIds", List.of(second))).assertProblem(409).detail())
                .as("an alert belongs to one open incident").contains(incident.path("ref").asString());

        refused(path, "investigating", "next: triage");
        move(path, "triage");
        refused(path, "investigating", "needs a final level");
        JsonNode graded = api().post(path + "/grading", ADMIN_TOKEN, Map.of("impactScope", "multiple", "assetCriticality", "critical",
                "dataSensitivity", "confidential", "ongoing", true, "affectedAssets", List.of(host))).json();
        assertThat(graded.path("grading").path("proposedLevel").asInt()).as("2 + 4 + 3 + 2 = 11: level I").isEqualTo(1);
        assertThat(api().put(path + "/level", ADMIN_TOKEN, Map.of("level", 1)).assertProblem(400).detail()).contains("reason");
        JsonNode leveled = api().put(path + "/level", ADMIN_TOKEN, Map.of("level", 1, "reason", "domain admin credentials exposed")).json();
        assertThat(leveled.path("grading").path("levelLabel").asString()).isEqualTo("I (P1)");
        assertThat(leveled.path("grading").path("levelSetBy").asString()).isEqualTo("admin");
        move(path, "investigating");
        move(path, "contained");
        move(path, "eradicated");
        String openRecovery = refused(path, "recovered", "recovery task");
        assertThat(openRecovery).contains("needs recovery evidence");

        for (JsonNode task : api().get(path, ADMIN_TOKEN).json().path("tasks")) {
            String taskPath = path + "/tasks/" + task.path("id").asString();
            if (task.path("kind").asString().equals("recovery")) {
                assertThat(api().put(taskPath, ADMIN_TOKEN, Map.of("status", "done")).assertProblem(400).detail()).contains("evidence");
                assertThat(api().put(taskPath, ADMIN_TOKEN, Map.of("status", "done", "evidence", "reimaged from golden image 2026-11")).status())
                        .isEqualTo(200);
            } else {
                assertThat(api().put(taskPath, ADMIN_TOKEN, Map.of("status", "done", "assignee", "alice")).status()).isEqualTo(200);
            }
        }
        move(path, "recovered");
        refused(path, "retested", "needs a passing retest");
        assertThat(api().post(path + "/retests", ADMIN_TOKEN, Map.of("passed", false)).assertProblem(400).detail()).contains("evidence");
        JsonNode failed = api().post(path + "/retests", ADMIN_TOKEN, Map.of("passed", false, "evidence", "beacon still seen")).json();
        assertThat(failed.path("phase").asString()).as("a failed retest returns the case to investigating").isEqualTo("investigating");
        move(path, "contained");
        move(path, "eradicated");
        move(path, "recovered");
        assertThat(api().post(path + "/retests", ADMIN_TOKEN, Map.of("passed", true, "evidence", "no beacon for 24h")).json()
                .path("phase").asString()).isEqualTo("recovered");
        move(path, "retested");
        refused(path, "closed", "needs a root cause");
        assertThat(api().put(path + "/review", ADMIN_TOKEN, Map.of("rootCause", "x", "causeCategory", "bad-luck")).assertProblem(400)
                .detail()).contains("causeCategory");
        assertThat(api().put(path + "/review", ADMIN_TOKEN, Map.of("rootCause", "phishing mail opened by a local admin",
                "causeCategory", "phishing", "contributingFactors", "local admin rights", "wentWell", "fast isolation",
                "wentBadly", "first retest failed")).status()).isEqualTo(200);
        move(path, "closed");
        String item = api().post(path + "/action-items", ADMIN_TOKEN, Map.of("title", "Remove local admin rights", "owner", "it-ops"))
                .text("id");
        refused(path, "reviewed", "action item 'Remove local admin rights' is open");
        assertThat(api().put(path + "/action-items/" + item, ADMIN_TOKEN, Map.of("status", "done")).status()).isEqualTo(200);
        move(path, "reviewed");

        JsonNode done = api().get(path, ADMIN_TOKEN).json();
        assertThat(done.path("nextPhases").size()).isZero();
        List<String> kinds = texts(done.path("timeline"), "kind");
        assertThat(kinds).contains("alert", "phase", "grading", "task", "retest", "review");
        assertThat(texts(done.path("timeline"), "text")).anyMatch(t -> t.contains("Phase recovered → investigating: retest failed"));
        JsonNode acknowledge = done.path("slaTimers").get(0);
        assertThat(acknowledge.path("name").asString()).isEqualTo("acknowledge");
        assertThat(acknowledge.path("state").asString()).isEqualTo("met");
        assertThat(done.path("phaseTimes").has("reviewed")).isTrue();
        assertThat(api().post(path + "/alerts", ADMIN_TOKEN, Map.of("alertIds", List.of(unrelated))).assertProblem(409).detail())
                .contains("reviewed");

        long transitions = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.transition' AND object_id = ?")
                .param(id).query(Long.class).single();
        assertThat(transitions).as("one audit record per transition (11 asked for, 1 by the failed retest)").isEqualTo(12);

        Api.Response json = api().get(path + "/report?format=json", ADMIN_TOKEN);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("review").path("causeCategory").asString()).isEqualTo("phishing");
        Api.Response html = api().get(path + "/report?format=html", ADMIN_TOKEN);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Mimikatz on " + host, "phishing mail opened by a local admin", "beacon still seen");
        Api.Response pdf = api().get(path + "/report?format=pdf", ADMIN_TOKEN);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("content-disposition").orElse("")).contains(".pdf");
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1).length).isGreaterThan(1000);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(api().get(path + "/report?format=docx", ADMIN_TOKEN).assertProblem(400).detail()).contains("pdf, html or json");
    }

    @Test
    void byHandAnIncidentNeedsATitleAndASummaryAndBadInputIsRefusedClearly() {
        assertThat(api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "only a title")).assertProblem(400).detail())
                .contains("title and a summary");
        assertThat(api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "t", "summary", "s", "type", "alien")).assertProblem(400)
                .detail()).contains("account-compromise");
        assertThat(api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("alertIds", List.of(UUID.randomUUID()))).assertProblem(404)
                .detail()).contains("alert");
        Api.Response created = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Laptop stolen", "summary",
                "A sales laptop was stolen from a car", "type", "data-leakage"));
        assertThat(created.status()).isEqualTo(201);
        String path = "/api/v1/incidents/" + created.text("id");
        assertThat(created.json().path("grading").path("proposedLevel").isNull()).isTrue();
        assertThat(api().post(path + "/transition", ADMIN_TOKEN, Map.of("to", "sideways")).assertProblem(400).detail()).contains("triage");
        assertThat(api().post(path + "/grading", ADMIN_TOKEN, Map.of("impactScope", "galaxy", "assetCriticality", "low",
                "dataSensitivity", "public", "ongoing", false)).assertProblem(400).detail()).contains("impactScope");
        assertThat(api().put(path + "/level", ADMIN_TOKEN, Map.of("level", 5, "reason", "r")).assertProblem(400).detail()).contains("1");
        assertThat(api().post(path + "/observables", ADMIN_TOKEN, Map.of("kind", "ip", "value", "999.1.1.1")).assertProblem(400).detail())
                .contains("IPv4");
        assertThat(api().post(path + "/observables", ADMIN_TOKEN, Map.of("kind", "hash", "value", "ABCDEF")).assertProblem(400).status())
                .isEqualTo(400);
        assertThat(api().post(path + "/observables", ADMIN_TOKEN, Map.of("kind", "domain", "value", "Evil.Example.COM")).json()
                .path("value").asString()).isEqualTo("evil.example.com");
        assertThat(api().post(path + "/observables", ADMIN_TOKEN, Map.of("kind", "domain", "value", "evil.example.com")).assertProblem(409)
                .status()).isEqualTo(409);
        assertThat(api().post(path + "/retests", ADMIN_TOKEN, Map.of("passed", true, "evidence", "e")).assertProblem(409).detail())
                .contains("recovery");
        assertThat(api().post(path + "/comments", ADMIN_TOKEN, Map.of("body", "Called the employee")).status()).isEqualTo(201);
        assertThat(api().post(path + "/timeline", ADMIN_TOKEN, Map.of("text", "Police report filed", "at", Instant.now().minusSeconds(3600)
                .toString())).status()).isEqualTo(200);
        JsonNode view = api().get(path, ADMIN_TOKEN).json();
        assertThat(texts(view.path("timeline"), "text")).contains("Called the employee", "Police report filed");
        assertThat(api().get("/api/v1/incidents/" + UUID.randomUUID(), ADMIN_TOKEN).assertProblem(404).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/incidents?phase=limbo", ADMIN_TOKEN).assertProblem(400).detail()).contains("phase");
    }

    @Test
    void attachmentsAreSizeLimitedAndTypeChecked() {
        String path = "/api/v1/incidents/" + api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Evidence", "summary", "files"))
                .text("id");
        Api.Response ok = api().sendBytes("POST", path + "/attachments?filename=notes.txt", ADMIN_TOKEN, "text/plain",
                java.net.http.HttpRequest.BodyPublishers.ofString("the attacker used 10.1.2.3"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("sha256").asString()).hasSize(64);
        Api.Response download = api().get(path + "/attachments/" + ok.text("id"), ADMIN_TOKEN);
        assertThat(download.body()).isEqualTo("the attacker used 10.1.2.3");
        assertThat(download.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        Api.Response exe = api().sendBytes("POST", path + "/attachments?filename=invoice.pdf", ADMIN_TOKEN, "application/pdf",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'M', 'Z', 0, 0, 1, 2}));
        assertThat(exe.assertProblem(415).detail()).contains("not application/pdf");
        assertThat(api().sendBytes("POST", path + "/attachments?filename=run.exe", ADMIN_TOKEN, "application/octet-stream",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'M', 'Z'})).assertProblem(415).detail()).contains(".exe");
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(api().sendBytes("POST", path + "/attachments?filename=big.txt", ADMIN_TOKEN, "text/plain",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(big)).assertProblem(413).detail()).contains("max-attachment-size");
    }

    @Test
    void incidentsStayWithinTheTenantsACallerMaySee() {
        String slugA = unique("acme");
        String slugB = unique("globex");
        UUID tenantA = api().createTenant(ADMIN_TOKEN, slugA);
        api().createTenant(ADMIN_TOKEN, slugB);
        String role = unique("tenant-responder");
        assertThat(api().post("/api/v1/roles", ADMIN_TOKEN, Map.of("name", role, "description", "works its tenant's incidents",
                "permissions", List.of("incident:read:own-tenant", "incident:create:own-tenant", "incident:update:own-tenant",
                        "alert:read:own-tenant"))).status()).isEqualTo(201);
        String username = unique("responder");
        api().createUser(ADMIN_TOKEN, username, PASSWORD, List.of(role), tenantA);
        String responder = api().login(username, PASSWORD);

        Api.Response own = api().post("/api/v1/incidents", responder, Map.of("title", "Ours", "summary", "s"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.text("tenant")).isEqualTo(slugA);
        assertThat(api().post("/api/v1/incidents", responder, Map.of("title", "Theirs", "summary", "s", "tenant", slugB)).assertProblem(403)
                .status()).isEqualTo(403);
        String theirs = api().post("/api/v1/incidents", ADMIN_TOKEN, Map.of("title", "Theirs", "summary", "s", "tenant", slugB)).text("id");
        assertThat(api().get("/api/v1/incidents/" + theirs, responder).status()).isEqualTo(404);
        assertThat(texts(api().get("/api/v1/incidents", responder).json(), "tenant")).containsOnly(slugA);
        UUID alertB = raise(intake, slugB, "In B", AlertSeverity.HIGH, Map.of(), Instant.now());
        assertThat(api().post("/api/v1/incidents/" + own.text("id") + "/alerts", responder, Map.of("alertIds", List.of(alertB)))
                .assertProblem(404).status()).isEqualTo(404);
        assertThat(api().put("/api/v1/incidents/" + own.text("id") + "/level", responder, Map.of("level", 2, "reason", "r")).status())
                .as("setting the final level needs incident:grade").isEqualTo(403);
    }

    @Test
    void emergencyPlansShipWithVigilAndChangesAreVersioned() {
        JsonNode plans = api().get("/api/v1/incidents/plans", ADMIN_TOKEN).json();
        assertThat(texts(plans, "type")).contains("account-compromise", "malware", "data-leakage", "ddos", "vulnerability-exploitation",
                "insider-misuse");
        JsonNode levelOne = api().get("/api/v1/incidents/plans/data-leakage/1", ADMIN_TOKEN).json();
        assertThat(levelOne.path("plan").path("communication").toString()).contains("supervisory authority");
        assertThat(api().put("/api/v1/incidents/plans/ddos/3", ADMIN_TOKEN, Map.of("title", "t", "steps", List.of())).assertProblem(400)
                .detail()).contains("step");
        Map<String, Object> plan = Map.of("title", "DDoS (level III)", "steps", List.of("Watch the graphs"),
                "tasks", List.of(Map.of("title", "Check the CDN dashboard", "kind", "response", "role", "network engineer", "dueIn", "PT2H")));
        JsonNode saved = api().put("/api/v1/incidents/plans/ddos/3", ADMIN_TOKEN, plan).json();
        int version = saved.path("version").asInt();
        assertThat(api().put("/api/v1/incidents/plans/ddos/3", ADMIN_TOKEN, plan).json().path("version").asInt()).isEqualTo(version + 1);
    }

    private void move(String path, String to) {
        Api.Response response = api().post(path + "/transition", ADMIN_TOKEN, Map.of("to", to));
        assertThat(response.status()).as("to %s: %s", to, response.body()).isEqualTo(200);
        assertThat(response.text("phase")).isEqualTo(to);
    }

    private String refused(String path, String to, String requirement) {
        Api.Response response = api().post(path + "/transition", ADMIN_TOKEN, Map.of("to", to));
        assertThat(response.assertProblem(409).detail()).contains(requirement);
        return response.detail();
    }

    static List<String> texts(JsonNode array, String... fieldPath) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode value = node;
            for (String field : fieldPath) {
                value = value.path(field);
            }
            out.add(value.asString());
        }
        return out;
    }
}
