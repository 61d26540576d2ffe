package dev.vigil.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A log shipper daemon run in the foreground for one test; its output is kept for failure messages. */
final class ShipperProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path output;

    private ShipperProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    static ShipperProcess start(String name, List<String> command, Map<String, String> environment, Path output)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ShipperProcess(name, builder.start(), output);
    }

    /** Runs {@code waiting}; if it fails, the failure tells what the daemon said. */
    <T> T explainFailure(Supplier<T> waiting) {
        try {
            return waiting.get();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(), e);
        }
    }

    String describe() {
        String said;
        try {
            said = Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            said = "(output unreadable: " + e + ")";
        }
        return name + (process.isAlive() ? " (running)" : " (exited with " + process.exitValue() + ")")
                + " said:\n" + said;
    }

    /** Stops the daemon with SIGTERM, which lets it flush what it holds, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
