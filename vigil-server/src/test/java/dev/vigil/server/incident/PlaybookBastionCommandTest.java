package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.TargetSshd;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The playbook {@code bastion_command} step against a real OpenSSH target: an approved command template runs on the
 * target over the vaulted login (the file it writes is checked on the target's side), its session is listed with its
 * recording and linked to the incident; an injection attempt, an unapproved template and a command the policy denies
 * never reach the target; a dry run renders without running; a command that ran is not sent again on retry or resume.
 */
class PlaybookBastionCommandTest extends ServerTestBase {

    private static final String FROM_OBSERVABLE = "\"{{steps.add_ip.value}}\"";

    static TargetSshd sshd;

    private String commander;
    private String commanderName;
    private String approver;
    private String target;
    private String group;
    private Path marks;

    @BeforeAll
    static void startTarget() {
        sshd = TargetSshd.start();
    }

    @AfterAll
    static void stopTarget() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        commanderName = unique("ic");
        String approverName = unique("ap");
        api().createUser(ADMIN_TOKEN, commanderName, PASSWORD, List.of("incident-commander"), null);
        api().createUser(ADMIN_TOKEN, approverName, PASSWORD, List.of("approver"), null);
        commander = api().login(commanderName, PASSWORD);
        approver = api().login(approverName, PASSWORD);
        target = unique("fw");
        group = unique("edge");
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", target, "host", "127.0.0.1", "port", sshd.port(),
                "hostKey", sshd.hostPublicKey(), "groups", List.of(group)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response account = api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey()));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        marks = Files.createDirectories(sshd.dir().resolve("marks-" + group));
    }

    /** Requests a template {@code printf '%s\n' {ip} >> {file}} (a stand-in for a firewall block) and, if asked, approves it. */
    private String template(String extra, boolean approve) {
        return template("printf '%s\\n' {ip} >> {file}" + extra, List.of(Map.of("name", "ip", "type", "ip"),
                Map.of("name", "file", "type", "path", "prefix", marks + "/")), approve);
    }

    private String template(String command, List<Map<String, Object>> parameters, boolean approve) {
        String name = unique("block-ip");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("command", command);
        body.put("targetGroup", group);
        body.put("account", sshd.account());
        body.put("parameters", parameters);
        body.put("reason", "containment");
        Api.Response requested = api().post("/api/v1/access/command-templates", ADMIN_TOKEN, body);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        if (approve) {
            Api.Response approved = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of("comment", "ok"));
            assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("applied");
        }
        return name;
    }

    /** A playbook adding the observable and blocking {@code ipYaml} (by default the observable's value). */
    private String playbook(String template, String observable, String ipYaml, String file, String stepExtra) {
        return playbookOn(target, template, observable, ipYaml, file, stepExtra);
    }

    private String playbookOn(String target, String template, String observable, String ipYaml, String file, String stepExtra) {
        String yaml = """
                name: %s
                steps:
                  - name: add_ip
                    type: add_observable
                    kind: ip
                    value: %s
                  - name: block
                    type: bastion_command
                    template: %s
                    target: %s
                %s    params:
                      ip: %s
                      file: %s
                """.formatted(unique("contain"), observable, template, target, stepExtra, ipYaml, file);
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "bastion step"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of("comment", "ok")).json().path("result")
                .path("playbookId").asString();
    }

    private String incident() {
        return api().post("/api/v1/incidents", commander, Map.of("title", unique("Intrusion"), "summary", "s")).json().path("id").asString();
    }

    private String start(String incident, String playbook) {
        Api.Response started = api().post("/api/v1/incidents/" + incident + "/playbooks/" + playbook + "/run", commander, Map.of("dryRun", false));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("id").asString();
    }

    private JsonNode awaitEnd(String incident, String run) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("queued", "running").contains(
                api().get("/api/v1/incidents/" + incident + "/playbook-runs/" + run, commander).json().path("status").asString()));
        return api().get("/api/v1/incidents/" + incident + "/playbook-runs/" + run, commander).json();
    }

    private JsonNode sessionsOfCommander() {
        return api().get("/api/v1/sessions?username=" + commanderName, ADMIN_TOKEN).json();
    }

    @Test
    void anApprovedTemplateRunsOnTheTargetAndItsSessionIsRecordedListedAndLinked() throws Exception {
        Path file = marks.resolve("blocked.txt");
        String playbook = playbook(template("; echo blocked {ip}", true), "203.0.113.7", FROM_OBSERVABLE, file.toString(), "");
        String incident = incident();

        JsonNode dry = api().post("/api/v1/incidents/" + incident + "/playbooks/" + playbook + "/run", commander, Map.of("dryRun", true)).json();
        assertThat(dry.path("steps").get(1).path("action").asString()).contains("cannot run as it stands", "parameter ip (ip): a value is required");

        JsonNode run = awaitEnd(incident, start(incident, playbook));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode output = run.path("steps").get(1).path("output");
        String rendered = "printf '%s\\n' '203.0.113.7' >> '" + file + "'; echo blocked '203.0.113.7'";
        assertThat(output.path("command").asString()).isEqualTo(rendered);
        assertThat(output.path("exitStatus").asInt()).isZero();
        assertThat(output.path("output").asString()).isEqualTo("blocked 203.0.113.7\n");
        assertThat(output.path("outputTruncated").asBoolean()).isFalse();
        assertThat(output.path("account").asString()).isEqualTo(sshd.account());
        assertThat(output.path("repeated").asBoolean()).isFalse();
        assertThat(Files.readString(file)).isEqualTo("203.0.113.7\n");
        assertThat(sshd.log()).contains("Accepted publickey for " + sshd.account());

        String session = output.path("session").asString();
        JsonNode listed = sessionsOfCommander();
        assertThat(listed.findValuesAsString("id")).contains(session);
        JsonNode detail = api().get("/api/v1/sessions/" + session, ADMIN_TOKEN).json();
        assertThat(detail.path("session").path("kind").asString()).isEqualTo("exec");
        assertThat(detail.path("session").path("target").asString()).isEqualTo(target);
        assertThat(detail.path("session").path("exitStatus").asInt()).isZero();
        assertThat(detail.path("commands").get(0).path("command").asString()).isEqualTo(rendered);
        assertThat(detail.path("commands").get(0).path("decision").asString()).isEqualTo("allowed");
        Api.Response recording = api().get("/api/v1/sessions/" + session + "/recording", ADMIN_TOKEN);
        assertThat(recording.status()).isEqualTo(200);
        assertThat(Api.JSON.readTree(recording.body().split("\n")[0]).path("version").asInt()).isEqualTo(2);

        assertThat(api().get("/api/v1/incidents/" + incident + "/sessions", ADMIN_TOKEN).json().findValuesAsString("sessionId")).containsExactly(session);
        assertThat(api().get("/api/v1/incidents/" + incident, ADMIN_TOKEN).json().path("timeline").findValuesAsString("text"))
                .anyMatch(t -> t.startsWith("Bastion session started: " + commanderName + " on " + target))
                .anyMatch(t -> t.contains("step block succeeded"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'incident.playbook.step' AND body::text LIKE ?")
                .param("%" + session + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void injectionAttemptsAreRefusedByTypeAndNothingReachesTheTarget() {
        Path pwned = marks.resolve("pwned");
        Path file = marks.resolve("blocked.txt");
        String template = template("", true);
        for (String evil : List.of("1.2.3.4; touch " + pwned, "$(touch " + pwned + ")", "`touch " + pwned + "`",
                "1.2.3.4' ; touch '" + pwned)) {
            String playbook = playbook(template, "192.0.2.1", "'" + evil.replace("'", "''") + "'", file.toString(), "");
            String incident = incident();
            JsonNode run = awaitEnd(incident, start(incident, playbook));
            assertThat(run.path("status").asString()).isEqualTo("failed");
            assertThat(run.path("steps").get(1).path("error").asString()).contains("command template " + template + ": parameter ip (ip): ")
                    .contains("is not an IPv4 or IPv6 address");
        }
        String outside = playbook(template, "192.0.2.1", FROM_OBSERVABLE, "/etc/" + unique("x"), "");
        String incident = incident();
        assertThat(awaitEnd(incident, start(incident, outside)).path("steps").get(1).path("error").asString())
                .contains("parameter file (path): ").contains("must be a path under " + marks + "/");
        assertThat(pwned).doesNotExist();
        assertThat(file).doesNotExist();
        assertThat(sessionsOfCommander().size()).isZero();
    }

    @Test
    void aDryRunRendersWithoutRunningAndAnUnapprovedTemplateCannotRun() {
        Path file = marks.resolve("dry.txt");
        String approved = template("", true);
        String yaml = """
                name: %s
                steps:
                  - name: block
                    type: bastion_command
                    template: %s
                    target: %s
                    params:
                      ip: 198.51.100.9
                      file: %s
                """.formatted(unique("dry"), approved, target, file);
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "dry"));
        String playbook = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of()).json().path("result")
                .path("playbookId").asString();
        String incident = incident();
        JsonNode dry = api().post("/api/v1/incidents/" + incident + "/playbooks/" + playbook + "/run", commander, Map.of("dryRun", true)).json();
        assertThat(dry.path("steps").get(0).path("action").asString()).isEqualTo("run command template " + approved + " on " + target
                + " (v1) as " + sshd.account() + ": printf '%s\\n' '198.51.100.9' >> '" + file + "'");
        assertThat(file).doesNotExist();
        assertThat(sessionsOfCommander().size()).isZero();

        String unapproved = template("", false);
        String pending = playbook(unapproved, "192.0.2.10", FROM_OBSERVABLE, marks.resolve("pending.txt").toString(), "");
        JsonNode run = awaitEnd(incident, start(incident, pending));
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("steps").get(1).path("error").asString()).isEqualTo("no approved command template named '" + unapproved
                + "' (it waits for approval; only an approved template can run)");
        assertThat(marks.resolve("pending.txt")).doesNotExist();
        assertThat(sessionsOfCommander().size()).isZero();
    }

    @Test
    void aCommandThatRanIsNotSentAgainOnRetryOrResume() throws Exception {
        Path file = marks.resolve("once.txt");
        String playbook = playbook(template("; echo refused-by-test; exit 3", true), "192.0.2.77", FROM_OBSERVABLE, file.toString(), "    retries: 2\n");
        String incident = incident();
        String runId = start(incident, playbook);
        JsonNode run = awaitEnd(incident, runId);
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("steps").get(1).path("attempts").asInt()).isEqualTo(3);
        assertThat(run.path("steps").get(1).path("error").asString()).startsWith("the command ended with exit status 3 (session ")
                .contains("recorded result of an earlier attempt, not run again").endsWith("): refused-by-test");
        assertThat(api().post("/api/v1/incidents/" + incident + "/playbook-runs/" + runId + "/resume", commander, Map.of()).status()).isEqualTo(202);
        assertThat(awaitEnd(incident, runId).path("status").asString()).isEqualTo("failed");
        assertThat(Files.readString(file)).isEqualTo("192.0.2.77\n");
        assertThat(sessionsOfCommander().size()).isEqualTo(1);
    }

    @Test
    void aCommandStillRunningAtTheStepTimeoutIsCutOffAndNotSentAgain() {
        String template = template("sleep {seconds}", List.of(Map.of("name", "seconds", "type", "integer", "min", 1, "max", 600)), true);
        String yaml = """
                name: %s
                steps:
                  - name: wait
                    type: bastion_command
                    template: %s
                    target: %s
                    timeout: 2s
                    retries: 1
                    params:
                      seconds: 20
                """.formatted(unique("slow"), template, target);
        Api.Response requested = api().post("/api/v1/playbooks", commander, Map.of("definition", yaml, "reason", "slow"));
        String playbook = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver, Map.of()).json().path("result")
                .path("playbookId").asString();
        String incident = incident();
        long started = System.nanoTime();
        JsonNode run = awaitEnd(incident, start(incident, playbook));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("steps").get(0).path("error").asString())
                .startsWith("no exit within 2s; the command was cut off and its effect is unknown (session ")
                .endsWith("; recorded result of an earlier attempt, not run again)");
        JsonNode sessions = sessionsOfCommander();
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.get(0).path("terminatedBy").asString()).isEqualTo("timeout after 2s");
        assertThat(sessions.get(0).path("command").asString()).isEqualTo("sleep '20'");
    }

    @Test
    void aTargetOutsideTheTemplatesScopeOrOfAnotherTenantIsRefused() {
        String template = template("", true);
        String outside = unique("db");
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", outside, "host", "127.0.0.1", "port", sshd.port(),
                "hostKey", sshd.hostPublicKey(), "groups", List.of(unique("core")))).status()).isEqualTo(201);
        String tenantTarget = unique("fwt");
        Map<String, Object> ofTenant = new LinkedHashMap<>(Map.of("name", tenantTarget, "host", "127.0.0.1", "port", sshd.port(),
                "hostKey", sshd.hostPublicKey(), "groups", List.of(group)));
        ofTenant.put("tenantId", api().createTenant(ADMIN_TOKEN, unique("acme")).toString());
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, ofTenant).status()).isEqualTo(201);
        Path file = marks.resolve("scoped.txt");

        String incident = incident();
        JsonNode run = awaitEnd(incident, start(incident, playbookOn(outside, template, "192.0.2.30", FROM_OBSERVABLE, file.toString(), "")));
        assertThat(run.path("steps").get(1).path("error").asString()).isEqualTo("command template " + template + " may run on target group "
                + group + " only; " + outside + " is not in that group");
        String other = incident();
        JsonNode tenantRun = awaitEnd(other, start(other, playbookOn(tenantTarget, template, "192.0.2.31", FROM_OBSERVABLE, file.toString(), "")));
        assertThat(tenantRun.path("steps").get(1).path("error").asString()).isEqualTo("target " + tenantTarget + " holds another tenant's systems");
        assertThat(file).doesNotExist();
        assertThat(sessionsOfCommander().size()).isZero();
    }

    @Test
    void theCommandPolicyStillDecidesTheRenderedCommand() {
        Path file = marks.resolve("denied.txt");
        Api.Response rule = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, Map.of("name", unique("no-printf"), "priority", 1,
                "targetGroup", group, "programs", List.of("printf"), "action", "deny"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        try {
            String playbook = playbook(template("", true), "192.0.2.5", FROM_OBSERVABLE, file.toString(), "");
            String incident = incident();
            JsonNode run = awaitEnd(incident, start(incident, playbook));
            assertThat(run.path("status").asString()).isEqualTo("failed");
            assertThat(run.path("steps").get(1).path("error").asString()).startsWith("vigil: command denied by the command policy");
            assertThat(file).doesNotExist();
            JsonNode session = api().get("/api/v1/sessions/" + sessionsOfCommander().get(0).path("id").asString(), ADMIN_TOKEN).json();
            assertThat(session.path("commands").get(0).path("decision").asString()).isEqualTo("denied");
            assertThat(session.path("session").path("exitStatus").asInt()).isEqualTo(126);
        } finally {
            api().delete("/api/v1/access/command-rules/" + rule.text("id"), ADMIN_TOKEN);
        }
    }

    @Test
    void templatesAreValidatedAndVersionedThroughApproval() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", unique("bad"));
        bad.put("command", "echo '{ip}'");
        bad.put("targetGroup", group);
        bad.put("account", "root");
        bad.put("parameters", List.of(Map.of("name", "ip", "type", "ip")));
        assertThat(api().post("/api/v1/access/command-templates", ADMIN_TOKEN, bad).assertProblem(400).detail())
                .isEqualTo("command: {ip} stands inside quotes; write it bare, Vigil quotes the value");
        bad.put("command", "echo {ip}");
        bad.put("parameters", List.of(Map.of("name", "ip", "type", "ipv9")));
        assertThat(api().post("/api/v1/access/command-templates", ADMIN_TOKEN, bad).assertProblem(400).detail())
                .startsWith("parameters[0]: unknown parameter type 'ipv9'");
        assertThat(api().post("/api/v1/access/command-templates", commander, bad).status()).isEqualTo(403);

        String name = template("", true);
        JsonNode listed = api().get("/api/v1/access/command-templates", ADMIN_TOKEN).json();
        JsonNode mine = null;
        for (JsonNode t : listed) {
            if (t.path("name").asString().equals(name)) {
                mine = t;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("version").asInt()).isEqualTo(1);
        assertThat(mine.path("parameters").findValuesAsString("describe")).containsExactly("ip", "path under " + marks + "/");
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("name", name);
        next.put("command", "printf '%s\\n' {ip} >> {file}; sync");
        next.put("targetGroup", group);
        next.put("account", sshd.account());
        next.put("parameters", List.of(Map.of("name", "ip", "type", "ip"), Map.of("name", "file", "type", "path", "prefix", marks + "/")));
        next.put("reason", "flush");
        String id = mine.path("id").asString();
        Api.Response update = api().put("/api/v1/access/command-templates/" + id, ADMIN_TOKEN, next);
        assertThat(update.status()).as(update.body()).isEqualTo(202);
        assertThat(api().get("/api/v1/access/command-templates/" + id, ADMIN_TOKEN).json().path("version").asInt()).isEqualTo(1);
        api().post("/api/v1/changes/" + update.text("id") + "/approve", approver, Map.of());
        JsonNode after = api().get("/api/v1/access/command-templates/" + id, ADMIN_TOKEN).json();
        assertThat(after.path("version").asInt()).isEqualTo(2);
        assertThat(after.path("versions").findValuesAsString("command")).containsExactly("printf '%s\\n' {ip} >> {file}; sync",
                "printf '%s\\n' {ip} >> {file}");
    }
}
