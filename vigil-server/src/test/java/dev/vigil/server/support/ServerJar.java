package dev.vigil.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/** The runnable jar started as an operator starts it (`java -jar vigil.jar serve ...`), for process-level tests. */
public final class ServerJar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServerJar() {
    }

    /** Starts {@code vigil serve} on the data folder and port (syslog on free ports), its output written to the log. */
    public static Process start(Path dataDir, int port, Path log, Map<String, String> environment) throws IOException {
        return start(dataDir, port, log, environment, List.of());
    }

    /** As above, with more {@code vigil serve} flags; the SSH gateway takes a free port unless they or the environment say otherwise. */
    public static Process start(Path dataDir, int port, Path log, Map<String, String> environment, List<String> extraArguments)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target", "vigil.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "serve", "--data-dir", dataDir.toString(),
                "--port", String.valueOf(port), "--syslog-port", "0"));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("VIGIL_BOOTSTRAP_ADMIN_PASSWORD");
        builder.environment().remove("VIGIL_BOOTSTRAP_API_TOKEN");
        builder.environment().put("VIGIL_ACCESS_SSH_PORT", "0");
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static void awaitReady(int port) {
        Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).until(() -> status(port, "/readyz") == 200);
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
