package dev.vigil.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real OpenSSH client ({@code /usr/bin/ssh}) with no user configuration ({@code -F /dev/null}), only the given
 * key, and batch mode, and captures its exit status, stdout and stderr.
 */
public final class SshClientRun {

    public record Result(int exitStatus, String stdout, String stderr) {
    }

    private SshClientRun() {
    }

    /** A fresh ed25519 key pair in {@code dir}; returns the private key file ({@code .pub} beside it). */
    public static Path generateKey(Path dir, String name) {
        try {
            Path key = dir.resolve(name);
            TargetSshd.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result ssh(Path key, int port, String user, String... commandAndOptions) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null", "-p", String.valueOf(port), "-i", key.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10"));
        List<String> rest = List.of(commandAndOptions);
        int split = rest.indexOf("--");
        if (split >= 0) {
            command.addAll(rest.subList(0, split));
            command.add(user + "@127.0.0.1");
            command.addAll(rest.subList(split + 1, rest.size()));
        } else {
            command.add(user + "@127.0.0.1");
            command.addAll(rest);
        }
        return run(command, null);
    }

    /** Runs a process with stdin from {@code input} (or nothing), a 60 s limit, and captures its output. */
    public static Result run(List<String> command, String input) {
        return run(command, input, java.time.Duration.ofSeconds(60));
    }

    /** Runs a process with stdin from {@code input} (or nothing) and a time limit, and captures its output. */
    public static Result run(List<String> command, String input, java.time.Duration limit) {
        return run(command, input, limit, java.util.Map.of());
    }

    /** As {@link #run(List, String, java.time.Duration)}, with variables added to the environment (e.g. {@code SSH_AUTH_SOCK}). */
    public static Result run(List<String> command, String input, java.time.Duration limit, java.util.Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("vigil-ssh-out", ".txt");
            Path err = Files.createTempFile("vigil-ssh-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().close();
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
