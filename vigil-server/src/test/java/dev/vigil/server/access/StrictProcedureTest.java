package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.GatewayRunner;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A strict operating procedure through the server's gateway (in-process) with a real sshd as the target and the real
 * OpenSSH client: a command of the plan runs; one outside it is refused before the target is contacted, with a message
 * naming the execution, and recorded (the command denied and out of plan, the execution's outOfPlan list, an audit
 * record); the same command on a target outside the execution is not confined.
 */
class StrictProcedureTest extends ServerTestBase {

    private static TargetSshd sshd;

    @Autowired
    GatewayRunner gateway;

    @AfterAll
    static void stopTarget() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aStrictExecutionRefusesCommandsOutsideItsPlanAtTheGatewayAndRecordsThem() throws Exception {
        sshd = TargetSshd.start();
        Path dir = Files.createTempDirectory("vigil-strict-procedure");
        String operator = unique("strict-op");
        api().createUser(ADMIN_TOKEN, operator, PASSWORD, List.of("operator"), null);
        String operatorToken = api().login(operator, PASSWORD);
        Path key = SshClientRun.generateKey(dir, operator);
        assertThat(api().post("/api/v1/access/ssh-keys", operatorToken,
                Map.of("publicKey", Files.readString(key.resolveSibling(key.getFileName() + ".pub")))).status()).isEqualTo(201);
        String approver = unique("strict-appr");
        api().createUser(ADMIN_TOKEN, approver, PASSWORD, List.of("approver"), null);
        String approverToken = api().login(approver, PASSWORD);
        String inside = target("strict-in");
        String outside = target("strict-out");
        grant(operator, outside);

        String procedure = unique("strict-disk");
        String yaml = """
                name: %s
                kind: capacity-expansion
                strict: true
                maxWindowHours: 2
                steps:
                  - title: Look at the disk
                    commands: ["df -h"]
                """.formatted(procedure);
        assertThat(api().post("/api/v1/procedures", ADMIN_TOKEN, Map.of("yaml", yaml.replace("strict: true", "strict: sometimes"), "reason", "x"))
                .assertProblem(400).detail()).contains("strict");
        Api.Response created = api().post("/api/v1/procedures", ADMIN_TOKEN, Map.of("yaml", yaml, "reason", "strict disk checks"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.json().path("diff").asString()).contains("commands outside the plan: refused (strict)");
        assertThat(api().post("/api/v1/changes/" + created.text("id") + "/approve", approverToken, Map.of()).status()).isEqualTo(200);

        Api.Response requested = api().post("/api/v1/procedure-executions", operatorToken, Map.of("procedure", procedure,
                "targets", List.of(inside), "account", sshd.account(), "purpose", "CHG-31: check the disk",
                "until", Instant.now().plus(Duration.ofHours(1)).toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String execution = requested.text("subject");
        Api.Response approved = api().post("/api/v1/changes/" + requested.text("id") + "/approve", approverToken, Map.of());
        assertThat(approved.text("state")).as(approved.body()).isEqualTo("applied");

        String address = operator + "%" + sshd.account() + "%" + inside;
        SshClientRun.Result planned = SshClientRun.ssh(key, gateway.port(), address, "df -h /");
        assertThat(planned.exitStatus()).as(planned.stderr()).isZero();
        assertThat(planned.stdout()).contains("Filesystem");

        Path marker = dir.resolve("ran-" + operator);
        SshClientRun.Result refused = SshClientRun.ssh(key, gateway.port(), address, "df -h / && touch " + marker);
        assertThat(refused.exitStatus()).as(refused.stdout() + refused.stderr()).isEqualTo(126);
        assertThat(refused.stderr()).contains("strict procedure " + procedure + " (execution " + execution + ")", "'touch " + marker + "'",
                "outside its plan");
        assertThat(marker).as("nothing of the refused line reached the target").doesNotExist();

        JsonNode view = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> api().get("/api/v1/procedure-executions/" + execution, operatorToken).json(),
                v -> v.path("sessions").size() == 2 && v.path("outOfPlan").size() == 1);
        assertThat(view.path("outOfPlan").get(0).path("command").asString()).isEqualTo("df -h / && touch " + marker);
        JsonNode command = null;
        for (JsonNode session : view.path("sessions")) {
            for (JsonNode c : api().get("/api/v1/sessions/" + session.path("id").asString() + "/commands", ADMIN_TOKEN).json()) {
                if (c.path("command").asString().contains("touch")) {
                    command = c;
                }
            }
        }
        assertThat(command).isNotNull();
        assertThat(command.path("decision").asString()).isEqualTo("denied");
        assertThat(command.path("ran").asBoolean()).isFalse();
        assertThat(command.path("plan").asString()).isEqualTo("out-of-plan");
        assertThat(command.path("reasons").get(0).asString()).contains("execution " + execution);
        JsonNode audit = api().get("/api/v1/audit/records?action=access.procedure.command.out-of-plan&limit=50", ADMIN_TOKEN).json();
        assertThat(audit.toString()).contains(execution, "refused");

        SshClientRun.Result elsewhere = SshClientRun.ssh(key, gateway.port(), operator + "%" + sshd.account() + "%" + outside, "id -un");
        assertThat(elsewhere.exitStatus()).as("only the execution's targets are confined: " + elsewhere.stderr()).isZero();
        assertThat(elsewhere.stdout().strip()).isEqualTo(sshd.account());
    }

    private String target(String prefix) {
        String name = unique(prefix);
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", name, "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey(), "groups", List.of("strict")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey())).status()).isEqualTo(201);
        return name;
    }

    private void grant(String operator, String target) {
        Api.Response grant = api().post("/api/v1/access/grants", ADMIN_TOKEN, Map.of("subject", "user:" + operator, "target", target,
                "account", sshd.account(), "channels", List.of("exec"), "validUntil", Instant.now().plus(Duration.ofHours(1)).toString(),
                "reason", "strict procedure test"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
    }
}
