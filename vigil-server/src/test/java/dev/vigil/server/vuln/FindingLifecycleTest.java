package dev.vigil.server.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reimport semantics, lifecycle, scores, catalogs, SLA alerts and risk over the API, with small hand-written reports
 * whose expected outcome is known.
 */
class FindingLifecycleTest extends ServerTestBase {

    private static final String RCE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final String LOCAL = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N";

    @Autowired
    FindingSlaService sla;

    @Autowired
    RiskService risk;

    /** A Trivy report of the image with one vulnerability per (cve, package, vector, reported score). */
    static String trivy(String image, String[]... vulns) {
        List<String> entries = new ArrayList<>();
        for (String[] v : vulns) {
            entries.add("""
                    {"VulnerabilityID":"%s","PkgName":"%s","InstalledVersion":"1.0","FixedVersion":"1.1","Severity":"HIGH",
                     "PkgIdentifier":{"PURL":"pkg:apk/alpine/%s@1.0?arch=x86_64"},
                     "CVSS":{"nvd":{"V3Vector":"%s","V3Score":%s}}}""".formatted(v[0], v[1], v[1], v[2], v[3]));
        }
        return """
                {"SchemaVersion":2,"ArtifactName":"%s","Results":[{"Target":"%s (alpine 3.19)","Vulnerabilities":[%s]}]}"""
                .formatted(image, image, String.join(",", entries));
    }

    Api.Response importReport(String tenant, String body, String extra) {
        return api().sendBytes("POST", "/api/v1/vuln/imports?filename=report.json&tenant=" + tenant + extra, ADMIN_TOKEN,
                "application/json", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    JsonNode findings(String tenant, String extra) {
        Api.Response response = api().get("/api/v1/vuln/findings?limit=1000&tenant=" + tenant + extra, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode finding(String tenant, String cve) {
        JsonNode list = findings(tenant, "&vulnerability=" + cve);
        assertThat(list.size()).as("findings of %s", cve).isEqualTo(1);
        return list.get(0);
    }

    Api.Response move(String id, String status, String reason) {
        Map<String, Object> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return api().post("/api/v1/vuln/findings/" + id + "/transitions", ADMIN_TOKEN, body);
    }

    String tenant() {
        String tenant = unique("vuln");
        api().createTenant(ADMIN_TOKEN, tenant);
        return tenant;
    }

    @Test
    void reimportUpdatesClosesWhatIsGoneReopensWhatReturnsAndNeverTouchesOtherScanners() {
        String tenant = tenant();
        String[] a = {"CVE-2024-0001", "openssl", RCE, "9.8"};
        String[] b = {"CVE-2024-0002", "zlib", LOCAL, "3.3"};
        String[] c = {"CVE-2024-0003", "musl", LOCAL, "3.3"};
        Api.Response first = importReport(tenant, trivy("registry.test/app:1", a, b, c), "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("created").asInt()).isEqualTo(3);
        assertThat(first.json().path("assets").toString()).contains("registry.test/app:1");

        // a Grype scan of the same image: another scanner, its own finding
        String grype = """
                {"matches":[{"vulnerability":{"id":"GHSA-xxxx-0001","severity":"Medium"},
                  "artifact":{"name":"requests","version":"2.0","purl":"pkg:pypi/requests@2.0"}}],
                 "source":{"type":"image","target":"registry.test/app:1"}}""";
        assertThat(importReport(tenant, grype, "").json().path("created").asInt()).isEqualTo(1);

        Api.Response same = importReport(tenant, trivy("registry.test/app:1", a, b, c), "");
        assertThat(same.json().path("created").asInt()).isZero();
        assertThat(same.json().path("updated").asInt()).isEqualTo(3);
        assertThat(same.json().path("closed").asInt()).isZero();
        assertThat(findings(tenant, "").size()).isEqualTo(4);

        Api.Response without = importReport(tenant, trivy("registry.test/app:1", a, b), "");
        assertThat(without.json().path("closed").asInt()).as(without.body()).isEqualTo(1);
        assertThat(finding(tenant, "CVE-2024-0003").path("status").asString()).isEqualTo("closed");
        assertThat(finding(tenant, "GHSA-xxxx-0001").path("status").asString())
                .as("another scanner's finding stays open").isEqualTo("new");

        Api.Response back = importReport(tenant, trivy("registry.test/app:1", a, b, c), "");
        assertThat(back.json().path("reopened").asInt()).isEqualTo(1);
        String reopened = finding(tenant, "CVE-2024-0003").path("id").asString();
        assertThat(finding(tenant, "CVE-2024-0003").path("status").asString()).isEqualTo("reopened");
        JsonNode history = api().get("/api/v1/vuln/findings/" + reopened + "/history", ADMIN_TOKEN).json();
        assertThat(history.findValuesAsString("toStatus")).containsExactly("new", "closed", "reopened");

        // a scan of another scope does not close what the first scope reported
        Api.Response scoped = importReport(tenant, trivy("registry.test/app:1", a), "&scope=os-packages-only");
        assertThat(scoped.json().path("closed").asInt()).isZero();
        assertThat(findings(tenant, "&status=open").size()).isEqualTo(4);
    }

    @Test
    void scoresAreRecomputedAndEnrichedFromUploadedCatalogs() {
        String tenant = tenant();
        String cve = "CVE-2099-" + (10000 + (int) (Math.random() * 80000));
        importReport(tenant, trivy("scored:1", new String[] {cve, "libxml2", RCE, "9.3"}), "");
        JsonNode f = finding(tenant, cve);
        assertThat(f.path("cvssScore").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(f.path("reportedScore").decimalValue()).isEqualByComparingTo("9.3");
        assertThat(f.path("scoreMismatch").asBoolean()).isTrue();
        assertThat(f.path("kev").asBoolean()).isFalse();
        assertThat(f.path("ssvcAutomatable").asString()).isEqualTo("yes");
        assertThat(f.path("ssvcTechnicalImpact").asString()).isEqualTo("total");
        assertThat(f.path("ssvcDecision").asString()).isEqualTo("Track");

        String kev = """
                {"title":"test","catalogVersion":"2099.01.01","dateReleased":"2099-01-01T00:00:00.000Z","count":1,
                 "vulnerabilities":[{"cveID":"%s","vendorProject":"xmlsoft","product":"libxml2","vulnerabilityName":"test",
                 "dateAdded":"2099-01-01","shortDescription":"d","requiredAction":"patch","dueDate":"2099-01-22",
                 "knownRansomwareCampaignUse":"Unknown","notes":"","cwes":[]}]}""".formatted(cve);
        Api.Response uploaded = api().sendBytes("POST", "/api/v1/vuln/catalogs/kev", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString(kev));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().path("entries").asInt()).isEqualTo(1);
        JsonNode enriched = finding(tenant, cve);
        assertThat(enriched.path("kev").asBoolean()).isTrue();
        assertThat(enriched.path("kevDue").asString()).isEqualTo("2099-01-22");
        assertThat(enriched.path("priority").asString()).isEqualTo("critical");
        assertThat(enriched.path("ssvcExploitation").asString()).isEqualTo("active");
        assertThat(enriched.path("ssvcDecision").asString()).as("active, automatable, total, medium mission").isEqualTo("Act");
        // the asset's criticality is the mission and well-being input: a negligible asset makes it Attend
        assertThat(api().put("/api/v1/assets/" + enriched.path("assetId").asString(), ADMIN_TOKEN, Map.of("criticality", 1))
                .status()).isEqualTo(200);
        assertThat(finding(tenant, cve).path("ssvcMissionWellbeing").asString()).isEqualTo("low");
        assertThat(finding(tenant, cve).path("ssvcDecision").asString()).isEqualTo("Attend");

        String epss = "#model_version:v2025.03.14,score_date:2099-01-02T00:00:00Z\ncve,epss,percentile\n" + cve + ",0.91234,0.99876\n";
        Api.Response scores = api().sendBytes("POST", "/api/v1/vuln/catalogs/epss", ADMIN_TOKEN, "text/csv",
                HttpRequest.BodyPublishers.ofString(epss));
        assertThat(scores.status()).as(scores.body()).isEqualTo(200);
        assertThat(finding(tenant, cve).path("epss").decimalValue()).isEqualByComparingTo("0.91234");
        assertThat(api().sendBytes("POST", "/api/v1/vuln/catalogs/kev", ADMIN_TOKEN, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"vulnerabilities\": 3}")).assertProblem(400).detail()).isNotBlank();
        // reset the global catalogs so other tests see none
        api().sendBytes("POST", "/api/v1/vuln/catalogs/kev", ADMIN_TOKEN, "application/json", HttpRequest.BodyPublishers
                .ofString("{\"title\":\"empty\",\"catalogVersion\":\"0\",\"dateReleased\":\"2099-01-01T00:00:00.000Z\","
                        + "\"count\":0,\"vulnerabilities\":[]}"));
    }

    @Test
    void peopleMoveFindingsThroughTheLifecycleAndRescansVerifyFixes() {
        String tenant = tenant();
        String[] a = {"CVE-2024-1001", "curl", RCE, "9.8"};
        String[] b = {"CVE-2024-1002", "bash", LOCAL, "3.3"};
        importReport(tenant, trivy("life:1", a, b), "");
        String id = finding(tenant, "CVE-2024-1001").path("id").asString();
        assertThat(move(id, "fixed", null).assertProblem(409).detail()).contains("new", "triaged");
        assertThat(move(id, "triaged", null).status()).isEqualTo(200);
        assertThat(move(id, "in_remediation", null).status()).isEqualTo(200);
        assertThat(move(id, "fixed", "patched in 1.1").json().path("status").asString()).isEqualTo("fixed");

        String fp = finding(tenant, "CVE-2024-1002").path("id").asString();
        assertThat(move(fp, "false_positive", null).assertProblem(400).detail()).contains("reason");
        assertThat(move(fp, "false_positive", "bash is not reachable in this image").status()).isEqualTo(200);

        // the rescan no longer reports the fixed one (verified), and still reports the false positive (stays)
        Api.Response rescan = importReport(tenant, trivy("life:1", b), "");
        assertThat(rescan.json().path("closed").asInt()).isEqualTo(1);
        assertThat(finding(tenant, "CVE-2024-1001").path("status").asString()).isEqualTo("verified");
        assertThat(finding(tenant, "CVE-2024-1002").path("status").asString()).isEqualTo("false_positive");
        assertThat(move(id, "closed", null).json().path("status").asString()).isEqualTo("closed");
        assertThat(api().get("/api/v1/vuln/findings/" + UUID.randomUUID(), ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Autowired
    RiskAcceptanceService acceptances;

    @Test
    void aRiskIsAcceptedOnlyThroughAnotherPersonsApprovalAndReturnsToTriageWhenItsTimeIsUp() {
        String tenant = tenant();
        importReport(tenant, trivy("accept:1", new String[] {"CVE-2024-4001", "openssl", RCE, "9.8"}), "");
        String id = finding(tenant, "CVE-2024-4001").path("id").asString();
        String path = "/api/v1/vuln/findings/" + id + "/risk-acceptance";
        Instant until = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(api().post(path, ADMIN_TOKEN, Map.of("until", until.toString())).assertProblem(400).detail()).contains("reason");
        assertThat(api().post(path, ADMIN_TOKEN, Map.of("reason", "x", "until", Instant.now().minusSeconds(60).toString()))
                .assertProblem(400).detail()).contains("future");
        assertThat(api().post(path, ADMIN_TOKEN, Map.of("reason", "x", "until", Instant.now().plus(Duration.ofDays(400)).toString()))
                .assertProblem(400).detail()).contains("366");
        assertThat(move(id, "risk_accepted", "just because").assertProblem(409).detail()).contains("cannot become risk_accepted");

        Api.Response requested = api().post(path, ADMIN_TOKEN, Map.of("reason", "compensating WAF rule until the vendor ships 1.1",
                "until", until.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.text("state")).isEqualTo("pending");
        assertThat(requested.text("diff")).contains("CVE-2024-4001", "openssl", until.toString());
        assertThat(api().post(path, ADMIN_TOKEN, Map.of("reason", "again", "until", until.toString())).assertProblem(409).problemCode())
                .isEqualTo("pending-change");
        String change = requested.text("id");
        assertThat(api().post("/api/v1/changes/" + change + "/approve", ADMIN_TOKEN, Map.of()).status())
                .as("the requester never approves").isEqualTo(403);
        assertThat(finding(tenant, "CVE-2024-4001").path("status").asString()).isEqualTo("new");

        String approverName = unique("risk-approver");
        api().createUser(ADMIN_TOKEN, approverName, PASSWORD, List.of("approver"), null);
        Api.Response approved = api().post("/api/v1/changes/" + change + "/approve", api().login(approverName, PASSWORD), Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode accepted = finding(tenant, "CVE-2024-4001");
        assertThat(accepted.path("status").asString()).isEqualTo("risk_accepted");
        assertThat(Instant.parse(accepted.path("riskAcceptedUntil").asString())).isEqualTo(until);
        assertThat(accepted.path("statusReason").asString()).contains("compensating WAF rule", approverName);
        assertThat(api().get("/api/v1/vuln/findings/" + id + "/history", ADMIN_TOKEN).body()).contains("risk_accepted");

        jdbc.sql("UPDATE vuln_finding SET risk_accepted_until = now() - interval '1 minute' WHERE id = ?::uuid").param(id).update();
        assertThat(acceptances.expireDue()).isGreaterThanOrEqualTo(1);
        JsonNode expired = finding(tenant, "CVE-2024-4001");
        assertThat(expired.path("status").asString()).isEqualTo("triaged");
        assertThat(expired.path("statusReason").asString()).isEqualTo("the risk acceptance expired");
        assertThat(expired.path("riskAcceptedUntil").isNull()).isTrue();
    }

    @Test
    void vexNotAffectedAndSuppressedResultsArriveAsFalsePositivesAndStaySo() {
        String tenant = tenant();
        String vex = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"name":"vex-app"}},
                 "components":[{"bom-ref":"pkg1","name":"log4j-core","version":"2.14.1",
                   "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                 "vulnerabilities":[{"id":"CVE-2021-44228","affects":[{"ref":"pkg1"}],
                   "analysis":{"state":"not_affected","justification":"code_not_reachable"}},
                  {"id":"CVE-2021-45046","affects":[{"ref":"pkg1"}],"analysis":{"state":"exploitable"}}]}""";
        assertThat(importReport(tenant, vex, "").json().path("created").asInt()).isEqualTo(2);
        JsonNode notAffected = finding(tenant, "CVE-2021-44228");
        assertThat(notAffected.path("status").asString()).isEqualTo("false_positive");
        assertThat(notAffected.path("statusReason").asString()).contains("not_affected");
        assertThat(finding(tenant, "CVE-2021-45046").path("status").asString()).isEqualTo("new");
        importReport(tenant, vex, "");
        assertThat(finding(tenant, "CVE-2021-44228").path("status").asString()).isEqualTo("false_positive");
        // the BOM's components are the software inventory of the system it describes
        JsonNode software = api().get("/api/v1/assets/" + notAffected.path("assetId").asString() + "/software", ADMIN_TOKEN).json();
        assertThat(software.findValuesAsString("source")).contains("sbom");
        assertThat(software.findValuesAsString("purl")).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void aMalformedReportIsRefusedWholeNamingFileAndPlace() {
        String tenant = tenant();
        String broken = trivy("broken:1", new String[] {"CVE-2024-2001", "curl", RCE, "9.8"}).replace("\"Results\":[", "\"Results\":[}");
        Api.Response refused = importReport(tenant, broken, "");
        assertThat(refused.assertProblem(400).detail()).contains("report.json").containsPattern("line \\d+");
        Api.Response noTarget = api().sendBytes("POST", "/api/v1/vuln/imports?tenant=" + tenant, ADMIN_TOKEN,
                "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"lint"}},"results":[
                         {"ruleId":"R1","message":{"text":"m"}}]}]}"""));
        assertThat(noTarget.assertProblem(400).detail()).contains("asset");
        assertThat(findings(tenant, "").size()).isZero();
        assertThat(api().get("/api/v1/assets?tenant=" + tenant, ADMIN_TOKEN).json().size()).isZero();
        assertThat(importReport(tenant, "", "").status()).isEqualTo(400);
    }

    @Test
    void breachedSlasRaiseOneAlertAndRiskRanksTheAsset() {
        String tenant = tenant();
        importReport(tenant, trivy("sla:1", new String[] {"CVE-2024-3001", "nginx", RCE, "9.8"}), "");
        JsonNode f = finding(tenant, "CVE-2024-3001");
        assertThat(f.path("priority").asString()).isEqualTo("critical");
        assertThat(f.path("slaState").asString()).as("a 7-day SLA is due within the week").isEqualTo("due-soon");
        jdbc.sql("UPDATE vuln_finding SET sla_due = now() - interval '1 hour' WHERE id = ?")
                .param(UUID.fromString(f.path("id").asString())).update();
        assertThat(sla.raiseBreaches()).isGreaterThanOrEqualTo(1);
        assertThat(sla.raiseBreaches()).as("alerted once").isZero();
        JsonNode alerts = api().get("/api/v1/alerts?source=vuln&tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).path("title").asString()).contains("CVE-2024-3001", "sla:1");
        JsonNode summary = api().get("/api/v1/vuln/findings/sla?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(summary.path("breached").path("critical").asInt()).isEqualTo(1);
        assertThat(findings(tenant, "&sla=breached").size()).isEqualTo(1);

        String quiet = api().post("/api/v1/assets", ADMIN_TOKEN, Map.of("tenant", tenant, "name", "quiet-box",
                "criticality", 1)).text("id");
        JsonNode top = api().get("/api/v1/risk/assets?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(top.get(0).path("name").asString()).isEqualTo("sla:1");
        // criticality 3, one Track finding (automatable, total, no exploitation, medium mission) and the coverage gaps
        // no-logs, not-monitored, no-bastion-target (the SLA breach alert restates the finding and does not count):
        // 3/5 × (40 + 60 + 40 + 20)
        assertThat(top.get(0).path("score").asInt()).isEqualTo(96);
        assertThat(top.get(0).path("firingAlerts").asInt()).isZero();
        assertThat(top.get(1).path("assetId").asString()).isEqualTo(quiet);
        assertThat(top.get(1).path("score").asInt()).as("every gap: 1/5 × (100 + 60 + 40 + 20)").isEqualTo(44);
        risk.recordPosture();
        JsonNode posture = api().get("/api/v1/risk/posture?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(posture.path("score").asInt()).isEqualTo(70);
        assertThat(posture.path("history").size()).isEqualTo(1);
        assertThat(posture.path("history").get(0).path("slaBreached").asInt()).isEqualTo(1);

        // a false positive needs no remediation: its breach alert resolves
        assertThat(move(f.path("id").asString(), "false_positive", "nginx module not loaded").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/alerts?source=vuln&tenant=" + tenant, ADMIN_TOKEN).json().get(0).path("state")
                .asString()).isEqualTo("resolved");
    }

    @Test
    void mergingAssetsMovesFindingsAndAssetsWithFindingsCannotBeDeleted() {
        String tenant = tenant();
        String nessusA = nessus("10.20.30.40", "19506");
        String nessusB = nessus("scanhost.example.test", "19507");
        importReport(tenant, nessusA, "");
        importReport(tenant, nessusB, "");
        JsonNode assets = api().get("/api/v1/assets?tenant=" + tenant, ADMIN_TOKEN).json();
        assertThat(assets.size()).isEqualTo(2);
        String byAddress = assets.findValuesAsString("name").indexOf("10.20.30.40") == 0
                ? assets.get(0).path("id").asString() : assets.get(1).path("id").asString();
        String byName = assets.get(0).path("id").asString().equals(byAddress) ? assets.get(1).path("id").asString()
                : assets.get(0).path("id").asString();
        assertThat(api().delete("/api/v1/assets/" + byName, ADMIN_TOKEN).assertProblem(409).detail()).contains("finding");
        assertThat(api().post("/api/v1/assets/" + byName + "/merge", ADMIN_TOKEN, Map.of("merged", byAddress)).status())
                .isEqualTo(200);
        assertThat(findings(tenant, "&asset=" + byName).size()).isEqualTo(2);
        // a later scan by address lands on the surviving asset
        Api.Response rescan = importReport(tenant, nessusA, "");
        assertThat(rescan.json().path("created").asInt()).isZero();
        assertThat(rescan.json().path("assets").get(0).asString()).isEqualTo("scanhost.example.test");
    }

    @Test
    void tenantUsersSeeOnlyTheirFindings() {
        String mine = tenant();
        String other = tenant();
        importReport(mine, trivy("mine:1", new String[] {"CVE-2024-4001", "a", LOCAL, "3.3"}), "");
        importReport(other, trivy("other:1", new String[] {"CVE-2024-4002", "b", LOCAL, "3.3"}), "");
        String otherId = finding(other, "CVE-2024-4002").path("id").asString();
        UUID mineId = tenantId(mine);
        String user = unique("vuln-authz");
        api().createUser(ADMIN_TOKEN, user, PASSWORD, List.of("tenant-authorizer"), mineId);
        String token = api().login(user, PASSWORD);
        JsonNode visible = api().get("/api/v1/vuln/findings?limit=1000", token).json();
        assertThat(visible.findValuesAsString("tenant")).containsOnly(mine);
        assertThat(api().get("/api/v1/vuln/findings/" + otherId, token).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/vuln/findings/" + otherId + "/transitions", token, Map.of("status", "triaged"))
                .status()).isEqualTo(403);
    }

    private UUID tenantId(String slug) {
        for (JsonNode t : api().get("/api/v1/tenants", ADMIN_TOKEN).json()) {
            if (t.path("slug").asString().equals(slug)) {
                return UUID.fromString(t.path("id").asString());
            }
        }
        throw new AssertionError("no tenant " + slug);
    }

    static String nessus(String host, String pluginId) {
        return """
                <?xml version="1.0"?>
                <NessusClientData_v2><Report name="scan"><ReportHost name="%s"><HostProperties/>
                <ReportItem port="443" svc_name="www" protocol="tcp" severity="2" pluginID="%s" pluginName="TLS weak">
                <cvss3_vector>CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N</cvss3_vector><cvss3_base_score>4.8</cvss3_base_score>
                <solution>Upgrade</solution></ReportItem></ReportHost></Report></NessusClientData_v2>""".formatted(host, pluginId);
    }
}
