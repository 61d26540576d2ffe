package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.alerting.WebhookSignature;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Playbooks end to end against real parts: definitions change only through approval by someone else; a dry run does
 * nothing; a real run creates tasks, comments and observables, calls a real HTTP receiver (JDK HttpServer) with a
 * signed body and one idempotency key across a retry after a 503, audits every step; a step failing after its retries
 * fails the run on the timeline, and resuming it does not repeat what was done; a trigger starts a playbook by itself.
 */
class PlaybookFlowTest extends ServerTestBase {

    private static final String SECRET = "playbook-shared-secret";

    private String commander;
    private String commanderName;
    private String approver;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> processedKeys = Collections.synchronizedSet(new HashSet<>());

    record Delivery(String key, boolean signed, String body, int answer) {
    }

    @BeforeEach
    void setUp() throws IOException {
        commanderName = unique("ic");
        String ap = unique("ap");
        api().createUser(ADMIN_TOKEN, commanderName, PASSWORD, List.of("incident-commander"), null);
        api().createUser(ADMIN_TOKEN, ap, PASSWORD, List.of("approver"), null);
        commander = api().login(commanderName, PASSWORD);
        approver = api().login(ap, PASSWORD);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/block", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** The firewall API the webhook calls: checks the signature, answers the queued status, processes each key once. */
    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
        boolean signed = timestamp != null && WebhookSignature.sign(SECRET, timestamp, body).equals(signature);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Integer queued = answers.poll();
        int status = !signed ? 401 : queued != null ? queued : 200;
        if (status == 200 && key != null) {
            processedKeys.add(key);
        }
        deliveries.add(new Delivery(key, signed, new String(body, StandardCharsets.UTF_8), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/block";
    }

    private String approved(String yaml) {
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "automate containment"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("state").asString()).isEqualTo("pending");
        String changeId = requested.json().path("id").asString();
        assertThat(api().post("/api/v1/changes/" + changeId + "/approve", commander, Map.of()).assertProblem(403).problemCode())
                .isEqualTo("separation-of-duties");
        JsonNode applied = api().post("/api/v1/changes/" + changeId + "/approve", approver, Map.of("comment", "ok")).json();
        assertThat(applied.path("state").asString()).as(applied.toString()).isEqualTo("applied");
        return applied.path("result").path("playbookId").asString();
    }

    private String incident(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Suspicious logins"));
        body.put("summary", "Many failed logins, then a success from 203.0.113.7");
        body.put("type", type);
        Api.Response created = api().post("/api/v1/incidents", commander, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private JsonNode awaitRun(String incidentId, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode run = api().get("/api/v1/incidents/" + incidentId + "/playbook-runs/" + runId, commander).json();
            String status = run.path("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return run;
            }
            assertThat(Instant.now()).as("run " + runId + " still " + status).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private List<String> timeline(String incidentId) {
        return api().get("/api/v1/incidents/" + incidentId, commander).json().path("timeline").findValuesAsString("text");
    }

    @Test
    void anApprovedPlaybookDryRunsThenRunsEveryStepOnceAndAuditsIt() throws Exception {
        String name = unique("contain-account");
        String yaml = """
                name: %s
                description: Contain a compromised account
                trigger:
                  manual: true
                steps:
                  - name: contain
                    type: create_task
                    title: "Contain {{incident.title}}"
                    assignee: %s
                    due_in: 4h
                  - name: announce
                    type: comment
                    text: "Playbook started on {{incident.ref}}"
                  - name: add_ip
                    type: add_observable
                    kind: ip
                    value: 203.0.113.7
                  - name: find_logins
                    type: search_events
                    query: "user.name:%s"
                    lookback: 1h
                  - name: escalate
                    type: comment
                    when: steps.find_logins.count > 0
                    text: "Logins found: {{steps.find_logins.ids}}"
                  - name: block
                    type: webhook
                    url: %s
                    secret: %s
                    retries: 2
                    timeout: 5s
                    body:
                      incident: "{{incident.ref}}"
                      ip: "{{steps.add_ip.value}}"
                """.formatted(name, commanderName, unique("nobody"), url(), SECRET);
        assertThat(api().get("/api/v1/playbooks", commander).json().findValuesAsString("name")).doesNotContain(name);
        String playbookId = approved(yaml);
        JsonNode playbook = api().get("/api/v1/playbooks/" + playbookId, commander).json();
        assertThat(playbook.path("version").asInt()).isEqualTo(1);
        assertThat(playbook.path("versions").size()).isEqualTo(1);
        assertThat(playbook.path("versions").get(0).path("definition").asString()).isEqualTo(yaml);
        assertThat(api().get("/api/v1/playbooks", commander).json().findValuesAsString("name")).contains(name);

        String incidentId = incident("account-compromise");
        String ref = api().get("/api/v1/incidents/" + incidentId, commander).json().path("ref").asString();
        String title = api().get("/api/v1/incidents/" + incidentId, commander).json().path("title").asString();

        Api.Response dry = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander,
                Map.of("dryRun", true));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode steps = dry.json().path("steps");
        assertThat(steps.size()).isEqualTo(6);
        assertThat(steps.get(0).path("action").asString()).contains("create task 'Contain " + title + "'", "for " + commanderName);
        assertThat(steps.get(1).path("action").asString()).isEqualTo("comment: Playbook started on " + ref);
        assertThat(steps.get(4).path("runs").asString()).isEqualTo("depends");
        assertThat(steps.get(5).path("action").asString()).startsWith("POST " + url()).contains(ref).endsWith("(signed)");
        assertThat(deliveries).as("a dry run calls nothing").isEmpty();
        JsonNode untouched = api().get("/api/v1/incidents/" + incidentId, commander).json();
        assertThat(untouched.path("tasks").findValuesAsString("title")).doesNotContain("Contain " + title);
        assertThat(untouched.path("comments").size()).isZero();

        answers.add(503);
        Api.Response started = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander,
                Map.of("dryRun", false));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("id").asString();
        JsonNode run = awaitRun(incidentId, runId);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("steps").valueStream().map(step -> step.path("status").asString()).toList())
                .containsExactly("succeeded", "succeeded", "succeeded", "succeeded", "skipped", "succeeded");
        assertThat(run.path("steps").get(3).path("output").path("count").asInt()).isZero();
        assertThat(run.path("steps").get(5).path("attempts").asInt()).isEqualTo(2);
        assertThat(run.path("startedBy").asString()).isEqualTo(commanderName);

        JsonNode done = api().get("/api/v1/incidents/" + incidentId, commander).json();
        JsonNode task = done.path("tasks").findParents("title").stream()
                .filter(t -> t.path("title").asString().equals("Contain " + title)).findFirst().orElseThrow();
        assertThat(task.path("assignee").asString()).isEqualTo(commanderName);
        assertThat(task.path("dueAt").isNull()).isFalse();
        assertThat(done.path("comments").findValuesAsString("body")).containsExactly("Playbook started on " + ref);
        assertThat(done.path("observables").findValuesAsString("value")).contains("203.0.113.7");
        assertThat(timeline(incidentId)).contains("Playbook " + name + ": step block succeeded",
                "Playbook " + name + ": step escalate skipped", "Playbook " + name + " (v1) succeeded");

        assertThat(deliveries).hasSize(2);
        assertThat(deliveries).allMatch(Delivery::signed);
        assertThat(deliveries.stream().map(Delivery::key).distinct().toList()).containsExactly(runId + ".block");
        assertThat(deliveries.stream().map(Delivery::answer).toList()).containsExactly(503, 200);
        assertThat(processedKeys).containsExactly(runId + ".block");
        assertThat(deliveries.get(1).body()).contains("\"incident\":\"" + ref + "\"", "\"ip\":\"203.0.113.7\"");

        List<String> audited = jdbc.sql("""
                SELECT body->>'step' FROM audit_record WHERE action = 'incident.playbook.step' AND body->>'run' = ? ORDER BY seq""")
                .param(runId).query(String.class).list();
        assertThat(audited).containsExactly("contain", "announce", "add_ip", "find_logins", "escalate", "block");
        assertThat(jdbc.sql("SELECT actor_name FROM audit_record WHERE action = 'incident.playbook.step' AND body->>'run' = ?")
                .param(runId).query(String.class).list()).containsOnly(commanderName);

        assertThat(api().post("/api/v1/incidents/" + incidentId + "/playbook-runs/" + runId + "/resume", commander, Map.of())
                .assertProblem(409).problemCode()).isEqualTo("run-not-failed");
    }

    @Test
    void aStepFailingAfterItsRetriesFailsTheRunAndAResumeDoesNotRepeatWhatWasDone() throws Exception {
        String name = unique("block-ip");
        String playbookId = approved("""
                name: %s
                steps:
                  - name: note
                    type: create_task
                    title: "Check the firewall for {{incident.ref}}"
                  - name: block
                    type: webhook
                    url: %s
                    secret: %s
                    retries: 1
                """.formatted(name, url(), SECRET));
        String incidentId = incident("malware");
        answers.add(500);
        answers.add(500);
        String runId = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander, Map.of())
                .json().path("id").asString();
        JsonNode run = awaitRun(incidentId, runId);
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString()).contains("step block failed", "answered 500");
        JsonNode block = run.path("steps").get(1);
        assertThat(block.path("status").asString()).isEqualTo("failed");
        assertThat(block.path("attempts").asInt()).isEqualTo(2);
        assertThat(timeline(incidentId)).anyMatch(t -> t.startsWith("Playbook " + name + " (v1) failed: step block failed"));
        assertThat(jdbc.sql("SELECT outcome FROM audit_record WHERE action = 'incident.playbook.step' AND body->>'run' = ? AND body->>'step' = 'block'")
                .param(runId).query(String.class).list()).containsExactly("failure");

        Api.Response resumed = api().post("/api/v1/incidents/" + incidentId + "/playbook-runs/" + runId + "/resume", commander, Map.of());
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        JsonNode again = awaitRun(incidentId, runId);
        assertThat(again.path("status").asString()).isEqualTo("succeeded");
        assertThat(again.path("steps").get(1).path("attempts").asInt()).isEqualTo(3);
        String ref = api().get("/api/v1/incidents/" + incidentId, commander).json().path("ref").asString();
        assertThat(api().get("/api/v1/incidents/" + incidentId, commander).json().path("tasks").findValuesAsString("title")
                .stream().filter(t -> t.equals("Check the firewall for " + ref)).count()).as("the task step is not repeated").isEqualTo(1);
        assertThat(deliveries.stream().map(Delivery::key).distinct().toList()).containsExactly(runId + ".block");
        assertThat(processedKeys).hasSize(1);
    }

    @Test
    void aSearchStepFindsTheIncidentsEventsAndALaterStepUsesItsOutput() throws Exception {
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("auth"), "platform", "json"));
        String marker = unique("run");
        Instant at = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String events = """
                {"@timestamp":"%1$s","message":"login failed","test":{"run":"%2$s"}}
                {"@timestamp":"%1$s","message":"login ok","test":{"run":"%2$s"}}
                """.formatted(at, marker);
        assertThat(ingest.ndjson(token, events).statusCode()).isEqualTo(200);
        ingest.awaitCount(ADMIN_TOKEN, "test.run:" + marker, 2);
        String playbookId = approved("""
                name: %s
                steps:
                  - name: find
                    type: search_events
                    query: "test.run:%s"
                    lookback: 1h
                  - name: report
                    type: comment
                    when: steps.find.count >= 2
                    text: "{{steps.find.count}} events: {{steps.find.ids}}"
                """.formatted(unique("hunt"), marker));
        String incidentId = incident("account-compromise");
        String runId = api().post("/api/v1/incidents/" + incidentId + "/playbooks/" + playbookId + "/run", commander, Map.of())
                .json().path("id").asString();
        JsonNode run = awaitRun(incidentId, runId);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode found = run.path("steps").get(0).path("output");
        assertThat(found.path("count").asInt()).isEqualTo(2);
        List<String> ids = found.path("ids").valueStream().map(JsonNode::asString).toList();
        assertThat(ids).hasSize(2);
        assertThat(api().get("/api/v1/incidents/" + incidentId, commander).json().path("comments").findValuesAsString("body"))
                .containsExactly("2 events: " + String.join(",", ids));
    }

    @Test
    void invalidDefinitionsAreRefusedNamingTheProblem() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("name: x\nsteps:\n  - name: a\n    type: reboot\n", "steps[0].type: unknown step type 'reboot'");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n    text: hi\n    colour: red\n", "steps[0].colour: unknown field 'colour'");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n", "steps[0].text: missing required field text");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n    text: [unclosed\n", "invalid YAML");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n    text: hi\n    when: steps.later.count > 0\n",
                "steps[0].when: 'later' is not an earlier step");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n    text: \"{{incident.secret}}\"\n",
                "steps[0].text: placeholder {{incident.secret}}: unknown incident field 'secret'");
        cases.put("name: x\nsteps:\n  - name: a\n    type: webhook\n    url: ftp://example.org/\n", "steps[0].url:");
        cases.put("name: x\ntrigger:\n  types: [volcano]\nsteps:\n  - name: a\n    type: comment\n    text: hi\n", "trigger.types:");
        cases.put("name: x\nsteps:\n  - name: a\n    type: comment\n    text: hi\n    retries: 99\n", "steps[0].retries:");
        cases.forEach((yaml, expected) -> {
            Api.Response refused = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "x")).assertProblem(400);
            assertThat(refused.detail()).as(yaml).contains(expected);
        });
        assertThat(api().post("/api/v1/playbooks", commander, Map.of("definition", "name: x\nsteps:\n  - name: a\n    type: comment\n"
                + "    text: [unclosed\n", "reason", "x")).detail()).contains("line");
        assertThat(api().post("/api/v1/playbooks", approver, Map.of("definition", "name: x", "reason", "x")).status())
                .as("approvers cannot request playbook changes").isEqualTo(403);
    }

    private JsonNode awaitRuns(String incidentId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode runs = api().get("/api/v1/incidents/" + incidentId + "/playbook-runs", commander).json();
        while (runs.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            runs = api().get("/api/v1/incidents/" + incidentId + "/playbook-runs", commander).json();
        }
        return runs;
    }

    /** Triggered playbooks would start on other tests' incidents: they are deleted (through approval) however the test ends. */
    private void retire(String playbookId) {
        if (api().get("/api/v1/playbooks/" + playbookId, commander).status() == 200) {
            Api.Response delete = api().send("DELETE", "/api/v1/playbooks/" + playbookId, commander, Map.of("reason", "test over"));
            assertThat(delete.status()).as(delete.body()).isEqualTo(202);
            api().post("/api/v1/changes/" + delete.json().path("id").asString() + "/approve", approver, Map.of());
        }
        assertThat(api().get("/api/v1/playbooks/" + playbookId, commander).status()).isEqualTo(404);
    }

    @Test
    void triggersRunPlaybooksWhenAMatchingIncidentIsOpenedOrGradedAndNewVersionsNeedApprovalToo() throws Exception {
        String onOpen = """
                name: %s
                trigger:
                  types: [ddos]
                steps:
                  - name: scrubbing
                    type: create_task
                    title: Ask the ISP for scrubbing
                """.formatted(unique("ddos-first-steps"));
        String onSevere = """
                name: %s
                trigger:
                  types: [ddos]
                  max_level: 1
                steps:
                  - name: escalate
                    type: comment
                    text: "{{incident.ref}} is level {{incident.level}}: call the crisis team"
                """.formatted(unique("ddos-severe"));
        String openId = approved(onOpen);
        String severeId = approved(onSevere);
        try {
            String incidentId = incident("ddos");
            JsonNode runs = awaitRuns(incidentId, 1);
            assertThat(runs.size()).isEqualTo(1);
            assertThat(runs.get(0).path("playbook").asString()).isEqualTo(openId);
            assertThat(runs.get(0).path("trigger").asString()).isEqualTo("opened");
            assertThat(awaitRun(incidentId, runs.get(0).path("id").asString()).path("status").asString()).isEqualTo("succeeded");
            String other = incident("malware");

            Api.Response graded = api().put("/api/v1/incidents/" + incidentId + "/level", commander,
                    Map.of("level", 1, "reason", "the shop is down"));
            assertThat(graded.status()).as(graded.body()).isEqualTo(200);
            runs = awaitRuns(incidentId, 2);
            assertThat(runs.size()).isEqualTo(2);
            assertThat(runs.get(0).path("playbook").asString()).isEqualTo(severeId);
            assertThat(runs.get(0).path("trigger").asString()).isEqualTo("graded");
            assertThat(awaitRun(incidentId, runs.get(0).path("id").asString()).path("status").asString()).isEqualTo("succeeded");
            JsonNode incident = api().get("/api/v1/incidents/" + incidentId, commander).json();
            assertThat(incident.path("comments").findValuesAsString("body"))
                    .containsExactly(incident.path("ref").asString() + " is level 1: call the crisis team");
            assertThat(api().put("/api/v1/incidents/" + incidentId + "/level", commander, Map.of("level", 1, "reason", "still")).status())
                    .isEqualTo(200);
            Thread.sleep(500);
            assertThat(api().get("/api/v1/incidents/" + incidentId + "/playbook-runs", commander).json().size())
                    .as("a trigger starts a playbook once per incident").isEqualTo(2);
            assertThat(api().get("/api/v1/incidents/" + other + "/playbook-runs", commander).json().size()).isZero();

            Api.Response update = api().put("/api/v1/playbooks/" + openId, commander,
                    Map.of("definition", onOpen.replace("Ask the ISP", "Call the ISP"), "reason", "faster"));
            assertThat(update.status()).as(update.body()).isEqualTo(202);
            assertThat(update.json().path("diff").asString()).contains("-    title: Ask the ISP", "+    title: Call the ISP");
            assertThat(api().get("/api/v1/playbooks/" + openId, commander).json().path("version").asInt()).isEqualTo(1);
            api().post("/api/v1/changes/" + update.json().path("id").asString() + "/approve", approver, Map.of());
            JsonNode updated = api().get("/api/v1/playbooks/" + openId, commander).json();
            assertThat(updated.path("version").asInt()).isEqualTo(2);
            assertThat(updated.path("versions").findValuesAsString("version")).containsExactly("2", "1");
        } finally {
            retire(openId);
            retire(severeId);
        }
    }
}
