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

/** Password changes against a real OpenSSH target with a real throw-away Unix account: passwd in a PTY, and chpasswd as root. */
class PasswordRotatorTest {

    static TargetSshd sshd;
    static PasswordRotator rotator;
    static RotationTarget target;

    @BeforeAll
    static void start() {
        sshd = TargetSshd.startWithPasswords();
        rotator = new PasswordRotator(Duration.ofSeconds(20));
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
    void anAccountChangesItsOwnPasswordWithPasswdInATerminal() throws Exception {
        String old = new NewPasswords().next(24);
        String next = new NewPasswords().next(24);
        try (ThrowAwayAccount account = ThrowAwayAccount.create(old)) {
            assertThat(rotator.accepts(target, account.name(), old)).isTrue();

            rotator.changeOwn(target, account.name(), old, next);

            assertThat(rotator.accepts(target, account.name(), next)).isTrue();
            assertThat(rotator.accepts(target, account.name(), old)).isFalse();
        }
    }

    @Test
    void rootSetsAnotherAccountsPasswordWithChpasswd() throws Exception {
        String old = new NewPasswords().next(20);
        String next = new NewPasswords().next(20);
        try (ThrowAwayAccount account = ThrowAwayAccount.create(old)) {
            rotator.changeAs(target, sshd.account(), new UpstreamCredential.PrivateKey(sshd.accountPrivateKey(), null), account.name(), next);

            assertThat(rotator.accepts(target, account.name(), next)).isTrue();
            assertThat(rotator.accepts(target, account.name(), old)).isFalse();
        }
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndSaysWhyWithoutThePasswords() throws Exception {
        String old = new NewPasswords().next(20);
        String next = new NewPasswords().next(20);
        try (ThrowAwayAccount account = ThrowAwayAccount.create(old)) {
            assertThatThrownBy(() -> rotator.changeOwn(target, account.name(), "not-" + old, next))
                    .isInstanceOf(RotationException.class).hasMessageContaining("cannot log in")
                    .hasMessageNotContaining(old).hasMessageNotContaining(next);
            assertThat(rotator.accepts(target, account.name(), old)).isTrue();
        }
    }

    @Test
    void aHostKeyOtherThanThePinIsRefusedBeforeAnyPasswordIsSent() throws Exception {
        RotationTarget impostor = new RotationTarget("web01", "127.0.0.1", sshd.port(),
                OpenSshKeys.parse(java.nio.file.Files.readString(sshd.dir().resolve("user_key.pub"))));
        assertThatThrownBy(() -> rotator.accepts(impostor, "nobody", "x")).isInstanceOf(RotationException.class)
                .hasMessageContaining("not the pinned one");
    }

    @Test
    void generatedPasswordsHaveEveryCharacterClass() {
        String password = new NewPasswords().next(16);
        assertThat(password).hasSize(16).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                .containsPattern("[^A-Za-z0-9]").doesNotContain(":").doesNotContain(" ");
    }
}
