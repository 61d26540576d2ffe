package dev.vigil.server.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL that serves a data folder when no external database is configured: real PostgreSQL
 * binaries (from Maven Central) run as a child process on a loopback port, with a persistent cluster under
 * {@code <data-dir>/pg}. A cluster left running by a killed server is stopped before a new start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path clusterDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir) {
        this.postgres = postgres;
        this.clusterDir = clusterDir;
    }

    public static Path clusterDir(Path dataDir) {
        return dataDir.resolve("pg");
    }

    /** Starts (creating on first use) the cluster of the given data folder. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        Path cluster = clusterDir(dataDir);
        try {
            Files.createDirectories(dataDir);
            stopOrphan(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} with cluster {}", postgres.getPort(), cluster);
            return new EmbeddedPostgresServer(postgres, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    /** The port of the cluster of a data folder while another process runs it, read from postmaster.pid. */
    public static Optional<Integer> runningPort(Path dataDir) {
        return readPidFile(clusterDir(dataDir)).filter(PidFile::alive).map(PidFile::port);
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path clusterDir() {
        return clusterDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void stopOrphan(Path cluster) {
        Optional<PidFile> pidFile = readPidFile(cluster);
        if (pidFile.isEmpty() || !pidFile.get().alive()) {
            return;
        }
        ProcessHandle orphan = ProcessHandle.of(pidFile.get().pid()).orElseThrow();
        log.warn("embedded PostgreSQL (pid {}) of {} is still running from an earlier start; stopping it", orphan.pid(), cluster);
        orphan.destroy();
        Instant deadline = Instant.now().plus(ORPHAN_STOP_TIMEOUT);
        while (orphan.isAlive() && Instant.now().isBefore(deadline)) {
            orphan.onExit().completeOnTimeout(orphan, 200, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        if (orphan.isAlive()) {
            orphan.destroyForcibly();
            orphan.onExit().join();
        }
    }

    private static Optional<PidFile> readPidFile(Path cluster) {
        Path file = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record PidFile(long pid, int port) {
        boolean alive() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(true))
                    .orElse(false);
        }
    }
}
