package dev.vigil.benchmarks.bastion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.vigil.testkit.ssh.TargetSshd;
import dev.vigil.testkit.ssh.ThrowAwayAccount;

/**
 * The real sshd the bastion benchmarks log in to, and the account they use on it: run as root, a throw-away account
 * with {@code /bin/sh} and a key of its own in its {@code ~/.ssh/authorized_keys}; otherwise the user running the
 * benchmark with the target's vaulted key.
 */
final class BenchmarkTarget implements AutoCloseable {

    private final TargetSshd sshd;
    private final ThrowAwayAccount throwAway;
    private final String account;
    private final String privateKey;

    private BenchmarkTarget(TargetSshd sshd, ThrowAwayAccount throwAway, String account, String privateKey) {
        this.sshd = sshd;
        this.throwAway = throwAway;
        this.account = account;
        this.privateKey = privateKey;
    }

    static BenchmarkTarget start() {
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/useradd"))) {
            TargetSshd sshd = TargetSshd.startWithPasswords();
            ThrowAwayAccount account = ThrowAwayAccount.create(UUID.randomUUID().toString());
            return new BenchmarkTarget(sshd, account, account.name(), account.authorizeNewKey());
        }
        TargetSshd sshd = TargetSshd.start();
        return new BenchmarkTarget(sshd, null, sshd.account(), sshd.accountPrivateKey());
    }

    int port() {
        return sshd.port();
    }

    String account() {
        return account;
    }

    /** The target's host key as an OpenSSH public key line. */
    String hostPublicKey() {
        return sshd.hostPublicKey();
    }

    /** The private key (OpenSSH format) the target accepts for {@link #account()}: the credential a vault would hold. */
    String privateKey() {
        return privateKey;
    }

    String describe() {
        return throwAway != null ? account + " (throw-away, shell /bin/sh)" : account + " (the user running the benchmark, its own shell)";
    }

    @Override
    public void close() {
        try {
            if (throwAway != null) {
                throwAway.close();
            }
        } finally {
            sshd.close();
        }
    }
}
