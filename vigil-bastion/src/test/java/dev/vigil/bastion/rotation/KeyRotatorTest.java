package dev.vigil.bastion.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.testkit.ssh.TargetSshd;
import dev.vigil.testkit.ssh.ThrowAwayAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key changes in a real throw-away account's ~/.ssh/authorized_keys on a real OpenSSH target. */
class KeyRotatorTest {

    static TargetSshd sshd;
    static KeyRotator rotator;
    static RotationTarget target;

    @BeforeAll
    static void start() {
        sshd = TargetSshd.startWithPasswords();
        rotator = new KeyRotator(Duration.ofSeconds(20));
        target = new RotationTarget("web01", "127.0.0.1", sshd.port(), OpenSshKeys.parse(sshd.hostPublicKey()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rotator != null) {
            rotator.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aNewKeyIsInstalledAndTheOldOneRemovedKeepingOtherLines() throws Exception {
        try (ThrowAwayAccount account = ThrowAwayAccount.create(new NewPasswords().next(20))) {
            UpstreamCredential.PrivateKey old = new UpstreamCredential.PrivateKey(account.authorizeNewKey(), null);
            String other = new NewKeys().next("someone-else").publicLine();
            rotator.install(target, account.name(), old, other);
            NewKeys.Generated next = new NewKeys().next("vigil-test");
            UpstreamCredential.PrivateKey nextKey = new UpstreamCredential.PrivateKey(next.privateKey(), null);
            assertThat(rotator.accepts(target, account.name(), nextKey)).isFalse();

            rotator.install(target, account.name(), old, next.publicLine());
            assertThat(rotator.accepts(target, account.name(), nextKey)).isTrue();
            int removed = rotator.remove(target, account.name(), nextKey, KeyRotator.blobOf(old), next.keyBlob());

            assertThat(removed).isEqualTo(1);
            assertThat(account.authorizedKeys()).contains(next.publicLine(), other).doesNotContain(KeyRotator.blobOf(old));
            assertThat(rotator.accepts(target, account.name(), old)).isFalse();
            assertThat(rotator.accepts(target, account.name(), nextKey)).isTrue();
        }
    }

    @Test
    void theNewKeyKeepsTheRestrictionsOfTheOldKeysLine() throws Exception {
        String options = "from=\"127.0.0.1,::1\",no-port-forwarding,no-agent-forwarding,environment=\"NOTE=rotated key\"";
        try (ThrowAwayAccount account = ThrowAwayAccount.create(new NewPasswords().next(20))) {
            UpstreamCredential.PrivateKey old = new UpstreamCredential.PrivateKey(account.authorizeNewKey(options), null);
            String plain = new NewKeys().next("someone-else").publicLine();
            rotator.install(target, account.name(), old, plain);
            NewKeys.Generated next = new NewKeys().next("vigil-test");

            assertThat(rotator.installBeside(target, account.name(), old, KeyRotator.blobOf(old), next.publicLine())).containsExactly(options);
            assertThat(account.authorizedKeys().lines()).contains(options + " " + next.publicLine(), plain);
            UpstreamCredential.PrivateKey nextKey = new UpstreamCredential.PrivateKey(next.privateKey(), null);
            assertThat(rotator.accepts(target, account.name(), nextKey)).as("from= allows loopback").isTrue();
        }
    }

    @Test
    void aKeyFromElsewhereIsInstalledWithoutOptions() throws Exception {
        try (ThrowAwayAccount account = ThrowAwayAccount.create(new NewPasswords().next(20))) {
            UpstreamCredential.PrivateKey old = new UpstreamCredential.PrivateKey(account.authorizeNewKey("no-pty"), null);
            NewKeys.Generated next = new NewKeys().next("vigil-test");
            String notInTheFile = new NewKeys().next("elsewhere").keyBlob();

            assertThat(rotator.installBeside(target, account.name(), old, notInTheFile, next.publicLine())).containsExactly("");
            assertThat(account.authorizedKeys().lines()).contains(next.publicLine());
        }
    }

    @Test
    void removingRefusesToDropTheKeyThatMustStay() throws Exception {
        try (ThrowAwayAccount account = ThrowAwayAccount.create(new NewPasswords().next(20))) {
            UpstreamCredential.PrivateKey old = new UpstreamCredential.PrivateKey(account.authorizeNewKey(), null);
            String before = account.authorizedKeys();

            assertThatThrownBy(() -> rotator.remove(target, account.name(), old, KeyRotator.blobOf(old), new NewKeys().next("x").keyBlob()))
                    .isInstanceOf(RotationException.class).hasMessageContaining("exit 67");
            assertThat(account.authorizedKeys()).isEqualTo(before);
        }
    }

    @Test
    void anAccountThatCannotWriteItsAuthorizedKeysFailsTheInstallAndKeepsItsKey() throws Exception {
        try (ThrowAwayAccount account = ThrowAwayAccount.create(new NewPasswords().next(20))) {
            String oldText = account.authorizeNewKey();
            UpstreamCredential.PrivateKey old = new UpstreamCredential.PrivateKey(oldText, null);
            account.lockAuthorizedKeys();
            NewKeys.Generated next = new NewKeys().next("vigil-test");

            assertThatThrownBy(() -> rotator.install(target, account.name(), old, next.publicLine()))
                    .isInstanceOf(RotationException.class).hasMessageContaining("installing the new key")
                    .hasMessageNotContaining(oldText.strip()).hasMessageNotContaining(next.privateKey().strip());
            assertThat(account.authorizedKeys()).doesNotContain(next.keyBlob());
            assertThat(rotator.accepts(target, account.name(), old)).isTrue();
        }
    }
}
