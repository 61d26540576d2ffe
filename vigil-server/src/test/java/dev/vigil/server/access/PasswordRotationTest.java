package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import dev.vigil.testkit.ssh.ThrowAwayAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Password rotation through the bastion against a real OpenSSH target with throw-away Unix accounts; logins before
 * and after are checked with the real OpenSSH client (sshpass feeding the password), not with the code under test.
 */
class PasswordRotationTest extends ServerTestBase {

    private static final String OLD = "Old-Target-Pass-41x";
    static TargetSshd sshd;

    @Autowired
    CredentialVault vault;

    @BeforeAll
    static void start() {
        sshd = TargetSshd.startWithPasswords();
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void anAccountRotatesItsOwnPasswordAndOnlyTheNewOneLogsInAfterwards() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD)) {
            UUID target = target();
            UUID account = account(target, unix.name(), "password", OLD);
            assertThat(logsIn(unix.name(), OLD)).isTrue();

            Api.Response rotated = api().post(rotate(target, account), ADMIN_TOKEN, Map.of());

            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.json().path("rotation").path("status").asString()).isEqualTo("rotated");
            assertThat(rotated.json().path("rotationPending").asBoolean()).isFalse();
            String next = vaulted(account);
            assertThat(next).isNotEqualTo(OLD).hasSize(24);
            assertThat(rotated.body()).doesNotContain(next);
            assertThat(logsIn(unix.name(), next)).isTrue();
            assertThat(logsIn(unix.name(), OLD)).isFalse();
            String records = api().get("/api/v1/audit/records?action=access.account.password.rotate", ADMIN_TOKEN).body();
            assertThat(records).contains(unix.name(), "passwd").doesNotContain(next).doesNotContain(OLD);
        }
    }

    @Test
    void rootRotatesAnotherAccountWithChpasswd() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD)) {
            UUID target = target();
            UUID account = account(target, unix.name(), "password", OLD);
            account(target, sshd.account(), "private-key", sshd.accountPrivateKey());

            Api.Response rotated = api().post(rotate(target, account), ADMIN_TOKEN, Map.of("via", sshd.account()));

            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.json().path("rotation").path("message").asString()).contains("chpasswd as " + sshd.account());
            assertThat(logsIn(unix.name(), vaulted(account))).isTrue();
            assertThat(logsIn(unix.name(), OLD)).isFalse();
        }
    }

    @Test
    void aFailedRotationKeepsTheOldPasswordWorkingRaisesAnAlertAndIsAudited() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD); ThrowAwayAccount helper = ThrowAwayAccount.create(OLD + "h")) {
            UUID target = target();
            UUID account = account(target, unix.name(), "password", OLD);
            account(target, helper.name(), "password", OLD + "h");

            // An unprivileged helper cannot run chpasswd for another account: the target refuses the change.
            Api.Response refused = api().post(rotate(target, account), ADMIN_TOKEN, Map.of("via", helper.name()));

            assertThat(refused.assertProblem(502).problemCode()).isEqualTo("rotation-failed");
            assertThat(refused.detail()).contains("chpasswd as " + helper.name(), "the old password still works");
            assertThat(refused.body()).doesNotContain(OLD);
            assertThat(vaulted(account)).isEqualTo(OLD);
            assertThat(logsIn(unix.name(), OLD)).isTrue();
            var shown = api().get("/api/v1/access/targets/" + target, ADMIN_TOKEN).json().path("accounts");
            var state = java.util.stream.StreamSupport.stream(shown.spliterator(), false)
                    .filter(a -> a.path("id").asString().equals(account.toString())).findFirst().orElseThrow();
            assertThat(state.path("rotation").path("status").asString()).isEqualTo("failed");
            assertThat(state.path("rotationPending").asBoolean()).isFalse();
            assertThat(api().get("/api/v1/audit/records?action=access.account.password.rotate", ADMIN_TOKEN).body())
                    .contains("failure", unix.name());
            assertThat(api().get("/api/v1/alerts", ADMIN_TOKEN).body()).contains("Password rotation of " + unix.name());
        }
    }

    @Test
    void badRequestsAreRefusedWithClearProblems() {
        UUID target = target();
        UUID keyAccount = account(target, "deploy", "private-key", sshd.accountPrivateKey());
        UUID password = account(target, "ops", "password", OLD);

        assertThat(api().post(rotate(target, keyAccount), ADMIN_TOKEN, Map.of()).assertProblem(409).problemCode()).isEqualTo("not-a-password");
        assertThat(api().post(rotate(target, password), ADMIN_TOKEN, Map.of("via", "nobody")).assertProblem(400).detail())
                .contains("no account 'nobody'");
        assertThat(api().post(rotate(target, password), ADMIN_TOKEN, Map.of("via", "ops")).assertProblem(400).detail())
                .contains("another account");
        assertThat(api().post(rotate(target, UUID.randomUUID()), ADMIN_TOKEN, Map.of()).status()).isEqualTo(404);
        Api.Response unpinned = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("tofu"), "host", "127.0.0.1",
                "port", sshd.port()));
        UUID tofu = UUID.fromString(unpinned.text("id"));
        UUID tofuAccount = account(tofu, "ops", "password", OLD);
        assertThat(api().post(rotate(tofu, tofuAccount), ADMIN_TOKEN, Map.of()).assertProblem(409).problemCode())
                .isEqualTo("host-key-not-pinned");
    }

    private UUID target() {
        Api.Response response = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("rot"), "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private UUID account(UUID target, String name, String kind, String secret) {
        Api.Response response = api().post("/api/v1/access/targets/" + target + "/accounts", ADMIN_TOKEN,
                Map.of("name", name, "credentialKind", kind, "secret", secret));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private static String rotate(UUID target, UUID account) {
        return "/api/v1/access/targets/" + target + "/accounts/" + account + "/rotate-password";
    }

    private String vaulted(UUID account) {
        String stored = jdbc.sql("SELECT credential FROM access_target_account WHERE id = ?").param(account).query(String.class).single();
        return vault.decrypt(stored, account.toString());
    }

    /** A login with the real OpenSSH client, password authentication only. */
    private static boolean logsIn(String user, String password) {
        SshClientRun.Result result = SshClientRun.run(List.of("/usr/bin/sshpass", "-p", password, "/usr/bin/ssh", "-F", "/dev/null",
                "-p", String.valueOf(sshd.port()), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive",
                "-o", "NumberOfPasswordPrompts=1", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", user + "@127.0.0.1", "echo in"), null);
        return result.exitStatus() == 0 && result.stdout().strip().equals("in");
    }
}
