package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.access.internal.GatewayRunner;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import dev.vigil.testkit.ssh.ThrowAwayAccount;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Key rotation through the bastion against a real OpenSSH target and throw-away Unix accounts: what the account's
 * ~/.ssh/authorized_keys holds afterwards is read on the target, logins are checked with the real OpenSSH client, and
 * an operator reaches the target through the gateway with the rotated key.
 */
class KeyRotationTest extends ServerTestBase {

    static TargetSshd sshd;

    @Autowired
    CredentialVault vault;

    @Autowired
    GatewayRunner gateway;

    RotationFixture fixture;

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

    @BeforeEach
    void fixture() {
        fixture = new RotationFixture(api(), jdbc, vault, sshd);
    }

    @Test
    void theNewKeyReplacesTheOldOnTheTargetAndInTheVaultAndTheGatewayStillReachesTheTarget() throws Exception {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create("Unused-Pass-41x")) {
            String restrictions = "from=\"127.0.0.1,::1\",no-X11-forwarding";
            String oldKey = unix.authorizeNewKey(restrictions);
            String targetName = unique("keyrot");
            UUID target = fixture.target(targetName);
            UUID account = fixture.account(target, unix.name(), "private-key", oldKey);
            String oldBlob = unix.authorizedKeys().strip().split(" ")[2];

            Api.Response rotated = api().post(rotateKey(target, account), ADMIN_TOKEN, Map.of());

            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.json().path("rotation").path("status").asString()).isEqualTo("rotated");
            assertThat(rotated.json().path("rotationPending").asBoolean()).isFalse();
            String newKey = fixture.vaulted(account);
            assertThat(newKey).isNotEqualTo(oldKey).contains("OPENSSH PRIVATE KEY");
            assertThat(rotated.body()).doesNotContain("PRIVATE KEY");
            String authorized = unix.authorizedKeys();
            assertThat(authorized).doesNotContain(oldBlob).contains("ssh-ed25519 ").contains("vigil-" + unix.name());
            assertThat(authorized.lines().filter(line -> !line.isBlank()).toList()).singleElement(as(InstanceOfAssertFactories.STRING))
                    .as("the old key's restrictions are kept").startsWith(restrictions + " ssh-ed25519 ");
            assertThat(fixture.logsInWithKey(unix.name(), newKey)).isTrue();
            assertThat(fixture.logsInWithKey(unix.name(), oldKey)).isFalse();
            String records = api().get("/api/v1/audit/records?action=access.account.key.rotate", ADMIN_TOKEN).body();
            assertThat(records).contains(unix.name(), "success", "with the old key's options").doesNotContain("PRIVATE KEY");

            assertThat(throughTheGateway(targetName, unix.name()).stdout().strip()).isEqualTo(unix.name());
        }
    }

    @Test
    void aFailingInstallKeepsTheOldKeyWorkingAndVaultedRaisesAnAlertAndIsAudited() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create("Unused-Pass-41x")) {
            String oldKey = unix.authorizeNewKey();
            UUID target = fixture.target(unique("keyrot"));
            UUID account = fixture.account(target, unix.name(), "private-key", oldKey);
            unix.lockAuthorizedKeys();
            String before = unix.authorizedKeys();

            Api.Response refused = api().post(rotateKey(target, account), ADMIN_TOKEN, Map.of());

            assertThat(refused.assertProblem(502).problemCode()).isEqualTo("rotation-failed");
            assertThat(refused.detail()).contains("installing the new key", "the old key still works");
            assertThat(refused.body()).doesNotContain("PRIVATE KEY");
            assertThat(fixture.vaulted(account)).isEqualTo(oldKey);
            assertThat(unix.authorizedKeys()).isEqualTo(before);
            assertThat(fixture.logsInWithKey(unix.name(), oldKey)).isTrue();
            assertThat(fixture.shown(target, account).path("rotation").path("status").asString()).isEqualTo("failed");
            assertThat(fixture.shown(target, account).path("rotationPending").asBoolean()).isFalse();
            assertThat(api().get("/api/v1/audit/records?action=access.account.key.rotate", ADMIN_TOKEN).body())
                    .contains("failure", unix.name()).doesNotContain("PRIVATE KEY");
            assertThat(api().get("/api/v1/alerts", ADMIN_TOKEN).body()).contains("Key rotation of " + unix.name());
        }
    }

    @Test
    void onlyKeyAccountsOfPinnedTargetsAreRotated() {
        UUID target = fixture.target(unique("keyrot"));
        UUID password = fixture.account(target, "ops", "password", "Some-Pass-41x");
        assertThat(api().post(rotateKey(target, password), ADMIN_TOKEN, Map.of()).assertProblem(409).problemCode()).isEqualTo("not-a-key");
        assertThat(api().post(rotateKey(target, UUID.randomUUID()), ADMIN_TOKEN, Map.of()).status()).isEqualTo(404);
        Api.Response unpinned = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("tofu"), "host", "127.0.0.1",
                "port", sshd.port()));
        UUID tofu = UUID.fromString(unpinned.text("id"));
        UUID key = fixture.account(tofu, "deploy", "private-key", sshd.accountPrivateKey());
        assertThat(api().post(rotateKey(tofu, key), ADMIN_TOKEN, Map.of()).assertProblem(409).problemCode()).isEqualTo("host-key-not-pinned");
    }

    /** An operator with a registered key and a grant runs a command on the target through the gateway. */
    private SshClientRun.Result throughTheGateway(String target, String account) throws Exception {
        String operator = unique("op");
        api().createUser(ADMIN_TOKEN, operator, PASSWORD, List.of("operator"), null);
        String token = api().login(operator, PASSWORD);
        Path dir = Files.createTempDirectory("vigil-key-rotation-operator");
        Path key = SshClientRun.generateKey(dir, operator);
        assertThat(api().post("/api/v1/access/ssh-keys", token,
                Map.of("publicKey", Files.readString(key.resolveSibling(key.getFileName() + ".pub")))).status()).isEqualTo(201);
        Api.Response grant = api().post("/api/v1/access/grants", ADMIN_TOKEN, Map.of("subject", "user:" + operator, "target", target,
                "account", account, "channels", List.of("exec"), "validUntil", Instant.now().plus(Duration.ofHours(1)).toString(),
                "reason", "key rotation test"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        SshClientRun.Result result = SshClientRun.ssh(key, gateway.port(), operator + "%" + account + "%" + target, "id -un");
        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        return result;
    }

    private static String rotateKey(UUID target, UUID account) {
        return "/api/v1/access/targets/" + target + "/accounts/" + account + "/rotate-key";
    }
}
