package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.ServerJar;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An operating procedure end to end with real parts: {@code vigil serve --ssh-port N} (the built jar), a real sshd on
 * loopback as the target and the real OpenSSH client. The operator has no grant of their own: the approved execution
 * grants the access, binds the sessions, and of two commands run through the gateway the one the plan does not expect
 * is flagged (on the command, on the execution, by an alert) but not blocked.
 */
@Tag("e2e")
class ProcedureGatewayIT {

    private static final String ADMIN_TOKEN = "vgl_procedure-it-bootstrap-admin-token-0123456789";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    static TargetSshd sshd;
    static Process server;
    static Path dir;
    static Api api;
    static int sshPort;
    static Path carolKey;

    @BeforeAll
    static void start() throws Exception {
        sshd = TargetSshd.start();
        dir = Files.createTempDirectory("vigil-procedure-it");
        int httpPort = ServerJar.freePort();
        sshPort = ServerJar.freePort();
        server = ServerJar.start(dir.resolve("data"), httpPort, dir.resolve("server.log"), Map.of("VIGIL_BOOTSTRAP_API_TOKEN", ADMIN_TOKEN),
                List.of("--ssh-port", String.valueOf(sshPort)));
        ServerJar.awaitReady(httpPort);
        api = new Api(httpPort);
        api.createUser(ADMIN_TOKEN, "carol", PASSWORD, List.of("operator"), null);
        api.createUser(ADMIN_TOKEN, "dave", PASSWORD, List.of("approver"), null);
        carolKey = SshClientRun.generateKey(dir, "carol_key");
        String carol = api.login("carol", PASSWORD);
        assertThat(api.post("/api/v1/access/ssh-keys", carol, Map.of("publicKey", Files.readString(carolKey.resolveSibling("carol_key.pub"))))
                .status()).isEqualTo(201);
        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "db01", "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey(), "groups", List.of("db")));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/access/targets/" + target.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey())).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aBoundSessionRunsOnePlannedAndOneUnplannedCommandAndOnlyTheUnplannedOneIsFlagged() {
        String address = "carol%" + sshd.account() + "%db01";
        SshClientRun.Result before = SshClientRun.ssh(carolKey, sshPort, address, "df -h /");
        assertThat(before.exitStatus()).as("no grant before the execution is approved: " + before.stderr()).isNotZero();

        String carol = api.login("carol", PASSWORD);
        Api.Response requested = api.post("/api/v1/procedure-executions", carol, Map.of("procedure", "capacity-expansion",
                "targets", List.of("db01"), "account", sshd.account(), "purpose", "CHG-12: grow /srv on db01",
                "until", Instant.now().plus(Duration.ofHours(1)).toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String execution = requested.text("subject");
        Api.Response approved = api.post("/api/v1/changes/" + requested.text("id") + "/approve", api.login("dave", PASSWORD), Map.of());
        assertThat(approved.text("state")).as(approved.body()).isEqualTo("applied");

        SshClientRun.Result planned = SshClientRun.ssh(carolKey, sshPort, address, "df -h /");
        assertThat(planned.exitStatus()).as(planned.stderr()).isZero();
        assertThat(planned.stdout()).contains("Filesystem");
        SshClientRun.Result unplanned = SshClientRun.ssh(carolKey, sshPort, address, "id -un");
        assertThat(unplanned.exitStatus()).as("flagged, not blocked: " + unplanned.stderr()).isZero();
        assertThat(unplanned.stdout().strip()).isEqualTo(sshd.account());

        JsonNode view = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/procedure-executions/" + execution, carol).json(),
                v -> v.path("sessions").size() == 2 && v.path("outOfPlan").size() == 1);
        assertThat(view.path("outOfPlan").get(0).path("command").asString()).isEqualTo("id -un");
        assertThat(view.path("outOfPlan").get(0).path("target").asString()).isEqualTo("db01");

        List<String> plans = new ArrayList<>();
        for (JsonNode bound : view.path("sessions")) {
            JsonNode command = api.get("/api/v1/sessions/" + bound.path("id").asString(), ADMIN_TOKEN).json().path("commands").get(0);
            plans.add(command.path("command").asString() + "=" + command.path("plan").asString() + "@"
                    + (command.path("planStep").isNull() ? "" : command.path("planStep").asString()));
            assertThat(api.get("/api/v1/sessions/" + bound.path("id").asString(), ADMIN_TOKEN).json().path("session")
                    .path("procedureExecutionId").asString()).isEqualTo(execution);
        }
        assertThat(plans).containsExactlyInAnyOrder("df -h /=planned@4", "id -un=out-of-plan@");

        boolean alerted = false;
        for (JsonNode alert : api.get("/api/v1/alerts?source=bastion&limit=200", ADMIN_TOKEN).json()) {
            alerted |= alert.path("title").asString().equals("Command outside the plan of procedure capacity-expansion on db01");
        }
        assertThat(alerted).isTrue();
    }
}
