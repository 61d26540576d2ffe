package dev.vigil.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real local Unix account with a password, made for one test and deleted after it: the target account of a
 * password-rotation test against {@link TargetSshd#startWithPasswords()}. Needs root (tests are skipped visibly
 * otherwise; {@code .ci/run} runs as root).
 */
public final class ThrowAwayAccount implements AutoCloseable {

    private final String name;

    private ThrowAwayAccount(String name) {
        this.name = name;
    }

    public static ThrowAwayAccount create(String password) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/useradd")),
                "creating a throw-away Unix account needs root and useradd");
        String name = "vr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        run(null, "/usr/sbin/useradd", "--create-home", "--shell", "/bin/sh", name);
        run(name + ":" + password + "\n", "/usr/sbin/chpasswd");
        return new ThrowAwayAccount(name);
    }

    public String name() {
        return name;
    }

    /**
     * Generates an Ed25519 key pair with {@code ssh-keygen}, appends its public key to the account's own
     * {@code ~/.ssh/authorized_keys} (owned by the account) and returns the private key in OpenSSH form.
     */
    public String authorizeNewKey() {
        return authorizeNewKey("");
    }

    /** As {@link #authorizeNewKey()}, the line starting with the authorized_keys {@code options} (empty: none). */
    public String authorizeNewKey(String options) {
        try {
            Path dir = Files.createTempDirectory("vigil-account-key-");
            Path key = dir.resolve("key");
            run(null, "/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "-initial", "-f", key.toString());
            Path ssh = home().resolve(".ssh");
            Files.createDirectories(ssh);
            String line = Files.readString(dir.resolve("key.pub"));
            Files.writeString(ssh.resolve("authorized_keys"), options.isEmpty() ? line : options + " " + line,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            run(null, "/bin/chown", "-R", name + ":", ssh.toString());
            run(null, "/bin/chmod", "700", ssh.toString());
            run(null, "/bin/chmod", "600", ssh.resolve("authorized_keys").toString());
            String privateKey = Files.readString(key);
            Files.delete(key);
            Files.delete(dir.resolve("key.pub"));
            Files.delete(dir);
            return privateKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The account's {@code ~/.ssh/authorized_keys} as it is on the target now (empty when there is none). */
    public String authorizedKeys() {
        Path file = home().resolve(".ssh/authorized_keys");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands {@code ~/.ssh} and its authorized_keys to root (readable, not writable by the account): the account can change no key. */
    public void lockAuthorizedKeys() {
        Path ssh = home().resolve(".ssh");
        run(null, "/bin/chown", "-R", "root:root", ssh.toString());
        run(null, "/bin/chmod", "755", ssh.toString());
        run(null, "/bin/chmod", "644", ssh.resolve("authorized_keys").toString());
    }

    private Path home() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().map(line -> line.split(":"))
                    .filter(fields -> fields.length > 5 && fields[0].equals(name)).map(fields -> Path.of(fields[5])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no home of " + name + " in /etc/passwd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        run(null, "/usr/sbin/userdel", "--force", "--remove", name);
    }

    private static void run(String input, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
