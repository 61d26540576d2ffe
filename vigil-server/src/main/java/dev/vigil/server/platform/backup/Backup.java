package dev.vigil.server.platform.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import dev.vigil.server.platform.config.VigilProperties;
import org.postgresql.PGConnection;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a consistent copy of everything Vigil keeps while the server runs: every table of the database from one
 * REPEATABLE READ snapshot (COPY as CSV), sequence positions, and the files the features register.
 */
public final class Backup {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Backup() {
    }

    /** Writes the backup into {@code target} (created; must be empty) and returns its manifest summary line. */
    public static String run(VigilProperties settings, Path target) throws IOException, SQLException {
        prepareEmpty(target, "backup target");
        Path dbDir = Files.createDirectories(target.resolve("db"));
        List<BackupManifest.Table> tables = new ArrayList<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        String schemaVersion;
        try (DatabaseConnection db = DatabaseConnection.open(settings)) {
            Connection connection = db.connection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                schemaVersion = schemaVersion(statement);
                for (String table : tables(statement)) {
                    Path file = dbDir.resolve(table + ".csv");
                    long rows;
                    try (OutputStream out = Files.newOutputStream(file)) {
                        rows = connection.unwrap(PGConnection.class).getCopyAPI()
                                .copyOut("COPY public.\"" + table + "\" TO STDOUT WITH (FORMAT csv, HEADER)", out);
                    }
                    tables.add(new BackupManifest.Table(table, rows, "db/" + file.getFileName(), Sha256.of(file)));
                }
                try (ResultSet rs = statement.executeQuery(
                        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")) {
                    while (rs.next()) {
                        sequences.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            connection.commit();
        }
        List<BackupManifest.FileEntry> files = copyFiles(settings.resolvedDataDir(), target.resolve("files"));
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(), version(), schemaVersion,
                tables, sequences, files);
        JSON.writeValue(target.resolve(BackupManifest.NAME).toFile(), manifest);
        long rows = tables.stream().mapToLong(BackupManifest.Table::rows).sum();
        return "backup written to " + target + ": " + tables.size() + " tables, " + rows + " rows, " + files.size()
                + " files, schema version " + schemaVersion;
    }

    static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String schemaVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new SQLException("the database has no Vigil schema (no Flyway history); nothing to back up");
            }
            return rs.getString(1);
        }
    }

    private static List<BackupManifest.FileEntry> copyFiles(Path dataDir, Path target) throws IOException {
        List<BackupManifest.FileEntry> entries = new ArrayList<>();
        for (BackupContributor contributor : ServiceLoader.load(BackupContributor.class)) {
            for (String relative : contributor.paths()) {
                Path source = dataDir.resolve(relative);
                if (!Files.exists(source)) {
                    continue;
                }
                for (Path copy : contributor.copy(source, target.resolve(relative))) {
                    String path = target.relativize(copy).toString();
                    entries.add(new BackupManifest.FileEntry(contributor.feature(), path, Files.size(copy), Sha256.of(copy)));
                }
            }
        }
        return entries;
    }

    static void prepareEmpty(Path dir, String what) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(what + " " + dir + " is not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(what + " " + dir + " is not empty");
                }
            }
        }
        Files.createDirectories(dir);
    }

    static String version() {
        String version = Backup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
