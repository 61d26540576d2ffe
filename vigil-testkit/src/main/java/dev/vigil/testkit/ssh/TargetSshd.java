package dev.vigil.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server on a loopback port, owned by the test: its own config, host key and authorized_keys in a temp
 * folder, logging in the current user with a key generated per run. Stands in for a production target behind the
 * bastion. Tests are skipped (visibly) when OpenSSH is not installed; {@code .ci/run} installs it.
 */
public final class TargetSshd implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private TargetSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static TargetSshd start() {
        return start(false);
    }

    /**
     * Like {@link #start()}, but the target also accepts password logins and each account's own
     * {@code ~/.ssh/authorized_keys} (for credential rotation tests with a {@link ThrowAwayAccount}).
     */
    public static TargetSshd startWithPasswords() {
        return start(true);
    }

    private static TargetSshd start(boolean passwords) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "OpenSSH server is not installed (apt-get install openssh-server openssh-client); .ci/run installs it");
        try {
            Path dir = Files.createTempDirectory("vigil-sshd-");
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "target-host", "-f", dir.resolve("host_key").toString());
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "vaulted", "-f", dir.resolve("user_key").toString());
            Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
            Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-------"));
            Files.createDirectories(Path.of("/run/sshd"));
            int port = freePort();
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"), "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + (passwords ? ".ssh/authorized_keys " : "") + dir.resolve("authorized_keys"), "StrictModes no", "UsePAM no",
                    "PasswordAuthentication " + (passwords ? "yes" : "no"), "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
                    "PermitRootLogin prohibit-password", "Subsystem sftp internal-sftp", "LogLevel VERBOSE", "PrintMotd no",
                    "AcceptEnv LANG LC_*", "") );
            run(dir, "/usr/sbin/sshd", "-t", "-f", dir.resolve("sshd_config").toString());
            Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-f", dir.resolve("sshd_config").toString(),
                    "-E", dir.resolve("sshd.log").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.out").toFile()).start();
            waitForPort(port, process);
            return new TargetSshd(dir, port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the target sshd", e);
        }
    }

    public int port() {
        return port;
    }

    /** The account the target accepts (the user running the tests). */
    public String account() {
        return System.getProperty("user.name");
    }

    /** The target's host key as an OpenSSH public key line ({@code ssh-ed25519 AAAA... target-host}). */
    public String hostPublicKey() {
        return read("host_key.pub").strip();
    }

    /** The private key (OpenSSH format) that the target accepts: the credential a vault would hold. */
    public String accountPrivateKey() {
        return read("user_key");
    }

    /** The sshd log (LogLevel VERBOSE): the target-side truth of who logged in. */
    public String log() {
        return Files.exists(dir.resolve("sshd.log")) ? read("sshd.log") : "";
    }

    public Path dir() {
        return dir;
    }

    /** Replaces the host key and restarts nothing: the next connection presents the new key (a changed-key test). */
    public void replaceHostKey() {
        try {
            Files.delete(dir.resolve("host_key"));
            Files.delete(dir.resolve("host_key.pub"));
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "impostor", "-f", dir.resolve("host_key").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(Path dir, String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        throw new IOException("sshd did not listen on " + port + " within 10 s");
    }
}
