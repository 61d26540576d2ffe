package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Monitors change only through approval: a request answers 202 with a pending change; the requester cannot approve it;
 * another approver applies it; rejection, withdrawal, rollback (a change too) and the emergency path with its mandatory
 * review; every version kept, every step audited; incomplete monitors refused naming the missing field.
 */
class MonitorChangeFlowTest extends ServerTestBase {

    private String operator;
    private String approver;
    private String secondOperator;
    private String component;

    @BeforeEach
    void users() {
        String op = unique("op");
        String ap = unique("ap");
        String op2 = unique("opb");
        api().createUser(ADMIN_TOKEN, op, PASSWORD, List.of("operator"), null);
        api().createUser(ADMIN_TOKEN, ap, PASSWORD, List.of("approver"), null);
        api().createUser(ADMIN_TOKEN, op2, PASSWORD, List.of("operator"), null);
        operator = api().login(op, PASSWORD);
        approver = api().login(ap, PASSWORD);
        secondOperator = api().login(op2, PASSWORD);
        component = unique("shop");
        Api.Response created = api().post("/api/v1/components", operator, Map.of("name", component, "owner", "web team",
                "criticality", "high", "exposure", "external"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Map<String, Object> monitor(String name, String condition) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("condition", condition);
        m.put("for", "5m");
        m.put("level", "critical");
        m.put("target", Map.of("component", component));
        m.put("receivers", Map.of("route", Map.of("team", "web")));
        m.put("disposal_plan", Map.of("summary", "Shop is slow", "steps", List.of("Check the database", "Scale out")));
        return m;
    }

    private Api.Response request(String token, Map<String, Object> monitor, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("monitor", monitor);
        body.put("reason", reason);
        return api().post("/api/v1/monitors", token, body);
    }

    @Test
    void aMonitorMissingLevelTargetReceiversOrDisposalPlanIsRefusedNamingTheField() {
        for (String field : List.of("level", "target", "receivers", "disposal_plan", "condition")) {
            Map<String, Object> m = monitor(unique("m"), "up == 0");
            m.remove(field);
            Api.Response response = request(operator, m, "new monitor").assertProblem(400);
            assertThat(response.detail()).as(field).contains("missing required field " + field);
        }
        Map<String, Object> badLevel = monitor(unique("m"), "up == 0");
        badLevel.put("level", "severe");
        assertThat(request(operator, badLevel, "x").assertProblem(400).detail()).contains("unknown level 'severe'");
        assertThat(request(operator, monitor(unique("m"), "up ==="), "x").assertProblem(400).detail()).startsWith("condition:");
        Map<String, Object> noComponent = monitor(unique("m"), "up == 0");
        noComponent.put("target", Map.of("component", "no-such-component"));
        assertThat(request(operator, noComponent, "x").assertProblem(400).detail()).contains("not in the component catalogue");
        Map<String, Object> noReceiver = monitor(unique("m"), "up == 0");
        noReceiver.put("receivers", Map.of("names", List.of("nobody-" + component)));
        assertThat(request(operator, noReceiver, "x").assertProblem(400).detail()).contains("do not exist");
        assertThat(request(operator, monitor(unique("m"), "up == 0"), " ").assertProblem(400).problemCode()).isEqualTo("reason-required");
        String yaml = "name: " + unique("y") + "\ncondition: up == 0\ntarget: {component: " + component + "}\n";
        Api.Response fromYaml = api().sendBytes("POST", "/api/v1/monitors?reason=yaml", operator, "application/yaml",
                HttpRequest.BodyPublishers.ofString(yaml)).assertProblem(400);
        assertThat(fromYaml.detail()).contains("missing required fields level, receivers, disposal_plan");
        assertThat(api().post("/api/v1/monitors", approver, Map.of("monitor", monitor(unique("m"), "up == 0"), "reason", "x")).status())
                .as("approvers cannot request monitor changes").isEqualTo(403);
    }

    @Test
    void aChangeAppliesOnlyAfterAnotherApproverApprovesAndEveryVersionIsKept() {
        String name = unique("latency");
        Api.Response requested = request(operator, monitor(name, "shop_latency_seconds > 2"), "customers complain");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        JsonNode change = requested.json();
        String changeId = change.path("id").asString();
        assertThat(requested.headers().firstValue("location")).contains("/api/v1/changes/" + changeId);
        assertThat(change.path("state").asString()).isEqualTo("pending");
        assertThat(change.path("kind").asString()).isEqualTo("monitor.create");
        assertThat(change.path("diff").asString()).contains("+condition: shop_latency_seconds > 2", "+level: critical");
        assertThat(names()).doesNotContain(name);

        Api.Response own = api().post("/api/v1/changes/" + changeId + "/approve", operator, Map.of()).assertProblem(403);
        assertThat(own.problemCode()).isEqualTo("separation-of-duties");
        assertThat(api().post("/api/v1/changes/" + changeId + "/approve", secondOperator, Map.of()).assertProblem(403).problemCode())
                .as("an operator without change:approve").isEqualTo("not-an-approver");
        assertThat(api().get("/api/v1/changes?state=pending", approver).json().findValuesAsString("id")).contains(changeId);

        JsonNode applied = api().post("/api/v1/changes/" + changeId + "/approve", approver, Map.of("comment", "fine")).json();
        assertThat(applied.path("state").asString()).isEqualTo("applied");
        assertThat(applied.path("decisions").path(0).path("decision").asString()).isEqualTo("approve");
        String monitorId = applied.path("result").path("monitorId").asString();
        assertThat(names()).contains(name);
        assertThat(api().post("/api/v1/changes/" + changeId + "/approve", approver, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("change-closed");

        // a change is rejected with a reason; the monitor stays as it was
        Api.Response update = api().put("/api/v1/monitors/" + monitorId, operator, Map.of("monitor", monitor(name, "shop_latency_seconds > 5"),
                "reason", "too noisy"));
        assertThat(update.status()).isEqualTo(202);
        assertThat(update.json().path("diff").asString()).contains("-condition: shop_latency_seconds > 2", "+condition: shop_latency_seconds > 5");
        String updateId = update.json().path("id").asString();
        api().post("/api/v1/changes/" + updateId + "/reject", approver, Map.of()).assertProblem(400);
        assertThat(api().post("/api/v1/changes/" + updateId + "/reject", approver, Map.of("comment", "5s is too late")).json()
                .path("state").asString()).isEqualTo("rejected");
        assertThat(api().get("/api/v1/monitors/" + monitorId, operator).json().path("version").asInt()).isEqualTo(1);

        // a second change is approved: version 2; a rollback to 1 is a change too: version 3 with version 1's condition
        String second = api().put("/api/v1/monitors/" + monitorId, operator, Map.of("monitor", monitor(name, "shop_latency_seconds > 3"),
                "reason", "compromise")).json().path("id").asString();
        assertThat(api().get("/api/v1/monitors/" + monitorId, operator).json().path("pendingChanges").findValuesAsString("")).isEmpty();
        assertThat(api().get("/api/v1/monitors/" + monitorId, operator).json().path("pendingChanges").toString()).contains(second);
        approve(second);
        Api.Response rollback = api().post("/api/v1/monitors/" + monitorId + "/rollback", operator, Map.of("version", 1, "reason", "back"));
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(202);
        assertThat(rollback.json().path("kind").asString()).isEqualTo("monitor.rollback");
        approve(rollback.json().path("id").asString());
        JsonNode current = api().get("/api/v1/monitors/" + monitorId, operator).json();
        assertThat(current.path("version").asInt()).isEqualTo(3);
        assertThat(current.path("definition").path("condition").asString()).isEqualTo("shop_latency_seconds > 2");
        JsonNode versions = api().get("/api/v1/monitors/" + monitorId + "/versions", operator).json();
        assertThat(versions.findValuesAsString("version")).hasSize(3);
        assertThat(versions.path(0).path("appliedBy").asString()).isNotEqualTo(versions.path(0).path("requestedBy").asString());

        // a stale change (made against version 1) cannot apply after others changed the monitor
        String stale = api().put("/api/v1/monitors/" + monitorId, operator, Map.of("monitor", monitor(name, "shop_latency_seconds > 9"),
                "reason", "a")).json().path("id").asString();
        approve(api().put("/api/v1/monitors/" + monitorId, secondOperator, Map.of("monitor", monitor(name, "shop_latency_seconds > 8"),
                "reason", "b")).json().path("id").asString());
        assertThat(api().post("/api/v1/changes/" + stale + "/approve", approver, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("monitor-changed");

        // withdrawal by the requester only
        assertThat(api().post("/api/v1/changes/" + stale + "/withdraw", secondOperator, Map.of()).status()).isIn(403, 404);
        assertThat(api().post("/api/v1/changes/" + stale + "/withdraw", operator, Map.of()).json().path("state").asString()).isEqualTo("withdrawn");

        List<String> actions = jdbc.sql("SELECT action FROM audit_record WHERE object_id IN (?, ?, ?) ORDER BY seq")
                .params(changeId, monitorId, updateId).query(String.class).list();
        assertThat(actions).containsSubsequence("change.submit", "change.approve", "monitor.create", "change.apply");
        assertThat(actions).contains("change.reject", "monitor.update", "monitor.rollback");
    }

    @Test
    void anEmergencyChangeAppliesAtOnceAndNeedsAReviewBySomeoneElse() {
        String name = unique("urgent");
        Api.Response emergency = api().post("/api/v1/monitors", operator, Map.of("monitor", monitor(name, "up == 0"),
                "reason", "outage, need it now", "emergency", true));
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        JsonNode change = emergency.json();
        assertThat(change.path("state").asString()).isEqualTo("applied");
        assertThat(change.path("emergency").asBoolean()).isTrue();
        assertThat(change.path("reviewState").asString()).isEqualTo("required");
        assertThat(names()).contains(name);
        String id = change.path("id").asString();
        assertThat(api().get("/api/v1/changes?review=required", approver).json().findValuesAsString("id")).contains(id);
        assertThat(api().post("/api/v1/changes/" + id + "/review", operator, Map.of("comment", "ok")).assertProblem(403).problemCode())
                .isEqualTo("separation-of-duties");
        api().post("/api/v1/changes/" + id + "/review", approver, Map.of()).assertProblem(400);
        JsonNode reviewed = api().post("/api/v1/changes/" + id + "/review", approver, Map.of("comment", "justified")).json();
        assertThat(reviewed.path("reviewState").asString()).isEqualTo("reviewed");
        assertThat(api().post("/api/v1/changes/" + id + "/review", approver, Map.of("comment", "again")).assertProblem(409).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_id = ? ORDER BY seq").param(id).query(String.class).list())
                .containsExactly("change.submit", "change.emergency-apply", "change.review");

        String monitorId = change.path("result").path("monitorId").asString();
        Api.Response delete = api().delete("/api/v1/monitors/" + monitorId + "?reason=retired", operator);
        assertThat(delete.status()).isEqualTo(202);
        approve(delete.json().path("id").asString());
        assertThat(names()).doesNotContain(name);
        assertThat(api().get("/api/v1/monitors/" + monitorId, operator).status()).isEqualTo(404);
    }

    @Test
    void theHostPackAndThePublicNodeExporterRulesImportAsOneChangeEach() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pack", "host");
        body.put("target", Map.of("group", "all-hosts"));
        body.put("receivers", Map.of("route", Map.of("team", "ops")));
        body.put("reason", "baseline host monitoring");
        Api.Response imported = api().post("/api/v1/monitors/import", operator, body);
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        assertThat(imported.json().path("payload").path("monitors").size()).isEqualTo(18);
        approve(imported.json().path("id").asString());
        assertThat(names()).contains("HostMemoryHigh", "HostDiskSpaceCritical", "HostInodesLow", "HostNetworkReceiveErrors",
                "HostLoadHigh", "HostClockSkew", "HostDiskIoSaturated");
        JsonNode memory = api().get("/api/v1/monitors", operator).json().valueStream()
                .filter(m -> m.path("name").asString().equals("HostMemoryHigh")).findFirst().orElseThrow();
        assertThat(memory.path("definition").path("level").asString()).isEqualTo("warning");
        assertThat(memory.path("definition").path("disposal_plan").path("steps").size()).isEqualTo(3);

        java.nio.file.Path rules = dev.vigil.testkit.Corpus.require("alert-rules");
        Map<String, Object> kube = new LinkedHashMap<>(body);
        kube.remove("pack");
        kube.put("name", "node-exporter.rules.yaml");
        kube.put("rules", java.nio.file.Files.readString(rules.resolve("kube-prometheus/node-exporter.rules.yaml")));
        Api.Response kubeImport = api().post("/api/v1/monitors/import", operator, kube);
        assertThat(kubeImport.status()).as(kubeImport.body()).isEqualTo(202);
        assertThat(kubeImport.json().path("payload").path("monitors").size()).isEqualTo(26);
        assertThat(kubeImport.json().path("diff").asString()).contains("NodeFilesystemSpaceFillingUp-warning", "NodeFilesystemSpaceFillingUp-critical",
                "Follow the runbook: https://runbooks.prometheus-operator.dev/runbooks/node/");

        Map<String, Object> awesome = new LinkedHashMap<>(kube);
        awesome.put("name", "awesome-node-exporter.yml");
        awesome.put("prefix", "awesome-");
        awesome.put("rules", java.nio.file.Files.readString(rules.resolve("awesome-prometheus-alerts/node-exporter.yml")));
        assertThat(api().post("/api/v1/monitors/import", operator, awesome).assertProblem(400).detail())
                .contains("missing required field disposal_plan");
        awesome.put("disposal_plan", Map.of("summary", "Host problem", "steps", List.of("Log in through the bastion", "Follow the host runbook")));
        Api.Response awesomeImport = api().post("/api/v1/monitors/import", operator, awesome);
        assertThat(awesomeImport.status()).as(awesomeImport.body()).isEqualTo(202);
        assertThat(awesomeImport.json().path("payload").path("monitors").size()).isEqualTo(35);
        for (Api.Response pending : List.of(kubeImport, awesomeImport)) {
            api().post("/api/v1/changes/" + pending.json().path("id").asString() + "/withdraw", operator, Map.of());
        }
        Map<String, Object> broken = new LinkedHashMap<>(kube);
        broken.put("rules", "groups:\n- name: g\n  rules:\n  - alert: X\n    expr: up ===\n");
        assertThat(api().post("/api/v1/monitors/import", operator, broken).assertProblem(400).detail()).contains("node-exporter.rules.yaml:5");
    }

    private void approve(String changeId) {
        Api.Response response = api().post("/api/v1/changes/" + changeId + "/approve", approver, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("state").asString()).isEqualTo("applied");
    }

    private List<String> names() {
        return api().get("/api/v1/monitors", operator).json().findValuesAsString("name");
    }
}
