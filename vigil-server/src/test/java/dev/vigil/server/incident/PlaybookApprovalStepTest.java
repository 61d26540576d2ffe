package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The playbook {@code approval} step through the approval mechanism: the run asks and waits; the person running it
 * cannot approve it; another approver's approval lets the run go on, a rejection fails the step with the reason, and no
 * decision within {@code wait} withdraws the request and fails the step. A dry run asks nobody.
 */
class PlaybookApprovalStepTest extends ServerTestBase {

    private String commander;
    private String approver;
    private String approverName;

    @BeforeEach
    void users() {
        String ic = unique("ic");
        approverName = unique("ap");
        api().createUser(ADMIN_TOKEN, ic, PASSWORD, List.of("incident-commander"), null);
        api().createUser(ADMIN_TOKEN, approverName, PASSWORD, List.of("approver"), null);
        commander = api().login(ic, PASSWORD);
        approver = api().login(approverName, PASSWORD);
    }

    private String playbook(String wait) {
        String yaml = """
                name: %s
                steps:
                  - name: ask
                    type: approval
                    title: "Isolate the hosts of {{incident.ref}}?"
                    reason: "{{incident.title}} spreads"
                    wait: %s
                  - name: after
                    type: comment
                    text: "approved by {{steps.ask.approver}}"
                """.formatted(unique("isolate"), wait);
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "approval steps"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return api().post("/api/v1/changes/" + requested.json().path("id").asString() + "/approve", approver, Map.of("comment", "ok"))
                .json().path("result").path("playbookId").asString();
    }

    private String[] incident() {
        Api.Response created = api().post("/api/v1/incidents", commander, Map.of("title", unique("Worm"), "summary", "s"));
        return new String[] {created.json().path("id").asString(), created.json().path("ref").asString(), created.json().path("title").asString()};
    }

    private String start(String incident, String playbook) {
        Api.Response started = api().post("/api/v1/incidents/" + incident + "/playbooks/" + playbook + "/run", commander, Map.of("dryRun", false));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("id").asString();
    }

    private JsonNode run(String incident, String run) {
        return api().get("/api/v1/incidents/" + incident + "/playbook-runs/" + run, commander).json();
    }

    private String awaitChange(String incident, String run) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !run(incident, run).path("steps").get(0).path("output")
                .path("change").asString().isEmpty());
        return run(incident, run).path("steps").get(0).path("output").path("change").asString();
    }

    private JsonNode awaitEnd(String incident, String run) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("queued", "running").contains(run(incident, run)
                .path("status").asString()));
        return run(incident, run);
    }

    @Test
    void anApprovalByAnotherLetsTheRunGoOnAndARejectionFailsIt() {
        String playbook = playbook("1h");
        String[] first = incident();
        Api.Response dry = api().post("/api/v1/incidents/" + first[0] + "/playbooks/" + playbook + "/run", commander, Map.of("dryRun", true));
        assertThat(dry.json().path("steps").get(0).path("action").asString()).isEqualTo("ask a holder of change:approve (not the person "
                + "running it) to approve 'Isolate the hosts of " + first[1] + "?', waiting at most 1h");
        assertThat(api().get("/api/v1/changes?kind=playbook.step&state=pending", approver).body()).doesNotContain(first[1]);

        String run = start(first[0], playbook);
        String change = awaitChange(first[0], run);
        assertThat(run(first[0], run).path("status").asString()).isEqualTo("running");
        JsonNode pending = api().get("/api/v1/changes/" + change, approver).json();
        assertThat(pending.path("kind").asString()).isEqualTo("playbook.step");
        assertThat(pending.path("title").asString()).isEqualTo("Isolate the hosts of " + first[1] + "?");
        assertThat(pending.path("reason").asString()).isEqualTo(first[2] + " spreads");
        assertThat(api().post("/api/v1/changes/" + change + "/approve", commander, Map.of()).assertProblem(403).problemCode())
                .isEqualTo("separation-of-duties");
        assertThat(api().post("/api/v1/changes/" + change + "/approve", approver, Map.of("comment", "go")).json().path("state").asString())
                .isEqualTo("applied");
        JsonNode done = awaitEnd(first[0], run);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("steps").get(0).path("output").path("approver").asString()).isEqualTo(approverName);
        assertThat(api().get("/api/v1/incidents/" + first[0], commander).json().path("comments").findValuesAsString("body"))
                .containsExactly("approved by " + approverName);
        assertThat(api().get("/api/v1/incidents/" + first[0], commander).json().path("timeline").findValuesAsString("text"))
                .anyMatch(t -> t.contains("step ask waits for approval (change " + change + ")"));

        String[] second = incident();
        String rejectedRun = start(second[0], playbook);
        String rejected = awaitChange(second[0], rejectedRun);
        assertThat(api().post("/api/v1/changes/" + rejected + "/reject", approver, Map.of("comment", "too risky now")).status()).isEqualTo(200);
        JsonNode failed = awaitEnd(second[0], rejectedRun);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("steps").get(0).path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("steps").get(0).path("error").asString()).isEqualTo("change " + rejected + " was rejected by "
                + approverName + ": too risky now");
        assertThat(failed.path("steps").get(1).path("status").asString()).isEqualTo("pending");
        assertThat(api().get("/api/v1/incidents/" + second[0], commander).json().path("comments").size()).isZero();
    }

    @Test
    void noDecisionInTimeWithdrawsTheRequestAndFailsTheStep() {
        String playbook = playbook("2s");
        String[] incident = incident();
        String run = start(incident[0], playbook);
        String change = awaitChange(incident[0], run);
        JsonNode failed = awaitEnd(incident[0], run);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("steps").get(0).path("error").asString())
                .isEqualTo("no decision on change " + change + " within 2s; the request was withdrawn");
        assertThat(api().get("/api/v1/changes/" + change, approver).json().path("state").asString()).isEqualTo("withdrawn");
        assertThat(api().post("/api/v1/changes/" + change + "/approve", approver, Map.of()).status()).isEqualTo(409);
    }

    @Test
    void badApprovalStepsAreRefusedByName() {
        String yaml = """
                name: %s
                steps:
                  - name: ask
                    type: approval
                    title: ok?
                    wait: 30d
                """.formatted(unique("bad"));
        assertThat(api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "r")).assertProblem(400).detail())
                .contains("steps[0].wait: from 1s to 7d");
        String retried = yaml.replace("wait: 30d", "retries: 2");
        assertThat(api().post("/api/v1/playbooks", commander, Map.of("definition", retried, "reason", "r")).assertProblem(400).detail())
                .contains("steps[0].retries: an approval step is not retried");
    }
}
