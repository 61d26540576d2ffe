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
