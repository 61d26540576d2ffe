package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.support.ServerJar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as an operator starts it: `vigil serve` on an empty data folder becomes ready, and SIGTERM stops it cleanly — the embedded PostgreSQL included, so a new start on the same folder works at once.
 */
@Tag("e2e")
class ServerProcessIT {


    @Test
    void startsOnAnEmptyFolderAndStopsCleanlyOnSigterm() throws Exception {
        Path dataDir = Files.createTempDirectory("vigil-process-it");
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");

        Process server = start(dataDir, port, log);
        Instant started = Instant.now();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(port, "/readyz") == 200);
        // Start-up time is a performance figure (docs/BENCHMARKS.md), not asserted here; it is printed for the record.
        System.out.println("vigil serve on an empty data folder answered /readyz after "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
        assertThat(Files.readString(dataDir.resolve("initial-admin-password")).strip()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("initial-admin-password")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        server.destroy(); // SIGTERM
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("server stopped after SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("Graceful shutdown complete").contains("embedded PostgreSQL stopped");
        assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))).as("cluster shut down").isFalse();

        // The same folder starts again, keeping its data: no new administrator is created.
        Process again = start(dataDir, port, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> status(port, "/readyz") == 200);
            assertThat(Files.readString(log)).doesNotContain("administrator account created");
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path dataDir, int port, Path log) throws IOException {
        return ServerJar.start(dataDir, port, log, Map.of());
    }

    private static int status(int port, String path) {
        return ServerJar.status(port, path);
    }

    private static int freePort() throws IOException {
        return ServerJar.freePort();
    }
}
