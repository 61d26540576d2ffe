package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.GatewayRunner;
import dev.vigil.server.detection.DetectionApiTest;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * Issue #8 with real parts: the server's gateway in-process, a real sshd on loopback as the target and the real OpenSSH
 * client (and expect for a terminal). A command the policy sends to review is held until another user allows it (then
 * it runs on the target), denies it or the wait ({@code vigil.access.review-timeout}, 10 s in tests) ends (then it never
 * runs); each command is an event a Sigma rule fires on; a reviewer watches a live session and kills it.
 */
class HeldCommandsTest extends ServerTestBase {

    /** Clients run on their own threads (the common pool may have a single thread on a small machine). */
    private static final java.util.concurrent.ExecutorService CLIENTS = java.util.concurrent.Executors.newCachedThreadPool();
    private static TargetSshd sshd;
    private static Path dir;

    @Autowired
    GatewayRunner gateway;

    private String group;
    private String target;
    private String operator;
    private String operatorToken;
    private Path operatorKey;
    private String approverToken;

    @BeforeEach
    void setUp() throws Exception {
        if (sshd == null) {
            sshd = TargetSshd.start();
            dir = Files.createTempDirectory("vigil-held-commands");
        }
        group = unique("held");
        target = unique("tgt");
        operator = unique("op");
        api().createUser(ADMIN_TOKEN, operator, PASSWORD, List.of("operator"), null);
        operatorToken = api().login(operator, PASSWORD);
        operatorKey = SshClientRun.generateKey(dir, operator);
        assertThat(api().post("/api/v1/access/ssh-keys", operatorToken,
                Map.of("publicKey", Files.readString(operatorKey.resolveSibling(operatorKey.getFileName() + ".pub")))).status()).isEqualTo(201);
        String approver = unique("appr");
        api().createUser(ADMIN_TOKEN, approver, PASSWORD, List.of("approver"), null);
        approverToken = api().login(approver, PASSWORD);

        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", target, "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey(), "groups", List.of(group)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey())).status()).isEqualTo(201);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:" + operator);
        grant.put("target", target);
        grant.put("account", sshd.account());
        grant.put("channels", List.of("shell", "exec"));
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        grant.put("reason", "held commands test");
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).status()).isEqualTo(201);
        Api.Response rule = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, Map.of("name", unique("review-touch"), "priority", 10,
                "targetGroup", group, "programs", List.of("touch"), "action", "review"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopTarget() {
        CLIENTS.shutdownNow();
        if (sshd != null) {
            sshd.close();
        }
    }

    private String address() {
        return operator + "%" + sshd.account() + "%" + target;
    }

    private CompletableFuture<SshClientRun.Result> exec(String command) {
        return CompletableFuture.supplyAsync(() -> SshClientRun.ssh(operatorKey, gateway.port(), address(), command), CLIENTS);
    }

    /** The pending held-command request for exactly this command, as approvers see it (failing at once if the client ended). */
    private JsonNode awaitHeld(String command, CompletableFuture<SshClientRun.Result> client) {
        return Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (client.isDone()) {
                throw new AssertionError("the client ended before its command was held: " + client.join());
            }
            Api.Response pending = api().get("/api/v1/changes?state=pending&kind=access.command", approverToken);
            assertThat(pending.status()).as(pending.body()).isEqualTo(200);
            for (JsonNode change : pending.json()) {
                if (command.equals(change.path("payload").path("command").asString())) {
                    return change;
                }
            }
            return null;
        }, found -> found != null);
    }

    private JsonNode commandOf(String command) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode session : api().get("/api/v1/sessions?username=" + operator, ADMIN_TOKEN).json()) {
                for (JsonNode recorded : api().get("/api/v1/sessions/" + session.path("id").asString() + "/commands", ADMIN_TOKEN).json()) {
                    if (command.equals(recorded.path("command").asString())) {
                        return recorded;
                    }
                }
            }
            return null;
        }, found -> found != null);
    }

    @Test
    void aHeldExecCommandRunsOnlyOnceAnotherUserAllowsIt() throws Exception {
        Path made = dir.resolve(unique("allowed"));
        String command = "touch " + made;
        CompletableFuture<SshClientRun.Result> running = exec(command);

        JsonNode held = awaitHeld(command, running);
        assertThat(made).as("nothing reaches the target while the command is held").doesNotExist();
        assertThat(held.path("requester").asString()).isEqualTo(operator);
        String change = held.path("id").asString();
        assertThat(api().post("/api/v1/changes/" + change + "/approve", operatorToken, Map.of()).status())
                .as("the operator never approves their own command").isEqualTo(403);
        Api.Response approved = api().post("/api/v1/changes/" + change + "/approve", approverToken, Map.of("comment", "go ahead"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("applied");

        SshClientRun.Result result = running.get(30, TimeUnit.SECONDS);
        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("held for approval, request " + change).contains("allowed by");
        assertThat(made).as("the target ran it after the approval").exists();
        JsonNode recorded = commandOf(command);
        assertThat(recorded.path("decision").asString()).isEqualTo("review");
        assertThat(recorded.path("ran").asBoolean()).isTrue();
        assertThat(recorded.path("review").path("outcome").asString()).isEqualTo("allowed");
        assertThat(recorded.path("review").path("request").asString()).isEqualTo(change);
        assertThat(recorded.path("review").path("decidedBy").asString()).isNotEqualTo(operator).isNotBlank();
        String audit = api().get("/api/v1/audit/records?action=access.session.command.held", ADMIN_TOKEN).body();
        assertThat(audit).contains(change).contains(made.toString());
    }

    @Test
    void aDeniedOrTimedOutExecCommandNeverRuns() throws Exception {
        Path denied = dir.resolve(unique("denied"));
        CompletableFuture<SshClientRun.Result> first = exec("touch " + denied);
        String change = awaitHeld("touch " + denied, first).path("id").asString();
        assertThat(api().post("/api/v1/changes/" + change + "/reject", approverToken, Map.of("comment", "not during the freeze")).status())
                .isEqualTo(200);
        SshClientRun.Result refused = first.get(30, TimeUnit.SECONDS);
        assertThat(refused.exitStatus()).isEqualTo(126);
        assertThat(refused.stderr()).contains("command not run, denied by").contains("not during the freeze");
        assertThat(denied).doesNotExist();
        assertThat(commandOf("touch " + denied).path("review").path("outcome").asString()).isEqualTo("denied");

        Path late = dir.resolve(unique("late"));
        long started = System.nanoTime();
        SshClientRun.Result timedOut = exec("touch " + late).get(40, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isGreaterThanOrEqualTo(9);
        assertThat(timedOut.exitStatus()).isEqualTo(126);
        assertThat(timedOut.stderr()).contains("held for approval").contains("no decision within 10 s");
        assertThat(late).doesNotExist();
        JsonNode recorded = commandOf("touch " + late);
        assertThat(recorded.path("ran").asBoolean()).isFalse();
        assertThat(recorded.path("review").path("outcome").asString()).isEqualTo("timed-out");
        String request = recorded.path("review").path("request").asString();
        assertThat(api().get("/api/v1/changes/" + request, ADMIN_TOKEN).text("state")).as("nobody can approve it afterwards").isEqualTo("withdrawn");
        assertThat(api().get("/api/v1/audit/records?action=access.session.command.refused", ADMIN_TOKEN).body()).contains(late.toString());
    }

    @Test
    void inATerminalAHeldLineWaitsForItsApproverAndTheOperatorGoesOnAfterADenial() throws Exception {
        Path allowed = dir.resolve(unique("pty-allowed"));
        Path denied = dir.resolve(unique("pty-denied"));
        Path log = dir.resolve(unique("pty") + ".log");
        Path script = dir.resolve(unique("pty") + ".exp");
        Files.writeString(script, """
                set timeout 60
                log_file -noappend %s
                set prompt {:~[$#] $}
                set stty_init "rows 30 columns 200"
                proc step {label pattern} {
                    expect {
                        -re $pattern {}
                        timeout { puts "TIMEOUT $label"; exit 99 }
                        eof { puts "EOF $label"; exit 98 }
                    }
                }
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -i %s -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %s@127.0.0.1
                step prompt1 $prompt
                send "touch %s\\r"
                step held1 {held for approval}
                step allowed1 {allowed by}
                step prompt2 $prompt
                send "touch %s\\r"
                step held2 {held for approval}
                step denied2 {denied by}
                step prompt3 $prompt
                send "echo AFTER-\\$((40+2))\\r"
                step after {AFTER-42}
                step prompt4 $prompt
                send "exit 6\\r"
                expect eof
                catch wait result
                exit [lindex $result 3]
                """.formatted(log, gateway.port(), operatorKey, address(), allowed, denied));
        CompletableFuture<SshClientRun.Result> running = CompletableFuture.supplyAsync(
                () -> SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null), CLIENTS);

        String first = awaitHeld("touch " + allowed, running).path("id").asString();
        Thread.sleep(300);
        assertThat(allowed).as("the held line has not reached the target").doesNotExist();
        String sessionId = api().get("/api/v1/sessions?state=live&username=" + operator, ADMIN_TOKEN).json().get(0).path("id").asString();
        UUID auditor = api().createUser(ADMIN_TOKEN, unique("aud"), PASSWORD, List.of("auditor"), null);
        String page = mockMvc.perform(get("/bastion/sessions/" + sessionId).session(consoleSession(auditor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).as("reviewers see the held line, and the live output").contains("Held for approval", "touch " + allowed,
                "id=\"live-output\"", "/bastion/sessions/" + sessionId + "/live").doesNotContain("kill-form");
        assertThat(api().post("/api/v1/changes/" + first + "/approve", approverToken, Map.of()).status()).isEqualTo(200);
        String second = awaitHeld("touch " + denied, running).path("id").asString();
        assertThat(api().post("/api/v1/changes/" + second + "/reject", approverToken, Map.of("comment", "no")).status()).isEqualTo(200);

        SshClientRun.Result result = running.get(60, TimeUnit.SECONDS);
        String seen = Files.readString(log);
        assertThat(result.exitStatus()).as(seen + result.stdout()).isEqualTo(6);
        assertThat(allowed).as("the approved line ran").exists();
        assertThat(denied).as("the denied line never ran").doesNotExist();
        assertThat(commandOf("touch " + allowed).path("review").path("outcome").asString()).isEqualTo("allowed");
        assertThat(commandOf("touch " + denied).path("ran").asBoolean()).isFalse();
    }

    private static MockHttpSession consoleSession(UUID userId) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("vigil.user", userId);
        session.setAttribute("vigil.signedInAt", Instant.now());
        return session;
    }

    @Test
    void eachCommandIsASearchableEventThatDetectionRulesSee() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sigmaId = UUID.randomUUID().toString();
        byte[] zip = DetectionApiTest.zip(Map.of("rules/linux/operator-marker.yml", """
                title: Operator marker %s
                id: %s
                status: test
                description: An operator command carrying a marker.
                author: Vigil Tests
                logsource:
                    product: linux
                    category: process_creation
                detection:
                    selection:
                        CommandLine|contains: 'OPERATOR-MARK-%s'
                    condition: selection
                level: high
                """.formatted(run, sigmaId, run)));
        Api.Response imported = api().sendBytes("POST", "/api/v1/detection/rules/import?filename=operator-" + run + ".zip", ADMIN_TOKEN,
                "application/zip", HttpRequest.BodyPublishers.ofByteArray(zip));
        assertThat(imported.status()).as(imported.body()).isIn(200, 201);

        SshClientRun.Result result = SshClientRun.ssh(operatorKey, gateway.port(), address(), "echo OPERATOR-MARK-" + run);
        assertThat(result.exitStatus()).as(result.stderr()).isZero();

        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String query = "event.dataset:\"bastion.command\" AND user.name:\"" + operator + "\" AND host.name:\"" + target + "\"";
        ingest.awaitCount(ADMIN_TOKEN, query, 1);
        JsonNode event = api().get("/api/v1/events/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&size=1", ADMIN_TOKEN).json()
                .path("events").get(0).path("fields");
        assertThat(event.path("process.command_line").asString()).isEqualTo("echo OPERATOR-MARK-" + run);
        assertThat(event.path("bastion.account").asString()).isEqualTo(sshd.account());
        assertThat(event.path("bastion.decision").asString()).isEqualTo("allow");
        assertThat(event.path("bastion.session").asString()).isNotBlank();
        assertThat(event.path("event.outcome").asString()).isEqualTo("success");
        List<JsonNode> alerts = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<JsonNode> found = new ArrayList<>();
            api().get("/api/v1/alerts?source=detection&rule=" + sigmaId, ADMIN_TOKEN).json().forEach(found::add);
            return found;
        }, found -> !found.isEmpty());
        assertThat(alerts.get(0).path("title").asString()).contains("Operator marker " + run);
    }

    @Test
    void aReviewerWatchesALiveSessionAndKillsIt() throws Exception {
        String command = "echo LIVE-ONE; sleep 1; echo LIVE-TWO; sleep 60";
        CompletableFuture<SshClientRun.Result> running = exec(command);
        JsonNode live = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            if (running.isDone()) {
                throw new AssertionError("the client ended early: " + running.join());
            }
            for (JsonNode session : api().get("/api/v1/sessions?state=live&username=" + operator, ADMIN_TOKEN).json()) {
                if (command.equals(session.path("command").asString())) {
                    return session;
                }
            }
            return null;
        }, found -> found != null);
        assertThat(live.path("live").asBoolean()).isTrue();
        String id = live.path("id").asString();
        assertThat(api().get("/api/v1/sessions?state=sideways", ADMIN_TOKEN).assertProblem(400).detail()).contains("live or ended");
        assertThat(api().get("/api/v1/sessions/" + id + "/live", operatorToken).status()).as("operators do not watch others").isEqualTo(403);

        String auditor = unique("aud");
        api().createUser(ADMIN_TOKEN, auditor, PASSWORD, List.of("auditor"), null);
        String auditorToken = api().login(auditor, PASSWORD);
        List<String> stream = new CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api().base() + "/api/v1/sessions/" + id + "/live")).header("Authorization", "Bearer " + auditorToken)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> response.body().forEach(stream::add), CLIENTS);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> String.join("\n", stream).contains("LIVE-TWO"));
        assertThat(stream.stream().filter(line -> line.startsWith("data:")).findFirst().orElseThrow()).contains("\"version\": 2");
        assertThat(String.join("\n", stream)).contains("\"o\", \"LIVE-ONE");

        long killedAt = System.nanoTime();
        Api.Response killed = api().post("/api/v1/sessions/" + id + "/kill", ADMIN_TOKEN, Map.of("reason", "watched and stopped"));
        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        SshClientRun.Result result = running.get(20, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt)).isLessThan(5);
        assertThat(result.exitStatus()).isEqualTo(255);
        assertThat(result.stderr()).contains("session terminated").contains("watched and stopped");
        reading.get(15, TimeUnit.SECONDS);
        assertThat(stream).contains("event:end");
        assertThat(api().get("/api/v1/audit/records?action=access.session.watch", ADMIN_TOKEN).body()).contains(auditor);
        assertThat(api().get("/api/v1/audit/records?action=access.session.terminate", ADMIN_TOKEN).body()).contains("watched and stopped");
        assertThat(api().get("/api/v1/sessions/" + id + "/live", auditorToken).assertProblem(409).problemCode()).isEqualTo("not-live");
    }
}
