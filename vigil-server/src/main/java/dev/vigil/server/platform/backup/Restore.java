package dev.vigil.server.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.database.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Brings a backup back into an empty data folder (and an empty database when it is external): checks every file
 * against the manifest, migrates the schema to the backup's version, loads every table, resets sequences, copies
 * the registered files back.
 */
public final class Restore {

    private Restore() {
    }

    public static String run(VigilProperties settings, Path source) throws IOException, SQLException {
        BackupManifest manifest = readAndVerify(source);
        Path dataDir = settings.resolvedDataDir();
        if (settings.database().embedded()) {
            if (EmbeddedPostgresServer.runningPort(dataDir).isPresent()) {
                throw new IOException("a server is running on " + dataDir + "; restore into an empty data folder");
            }
            Backup.prepareEmpty(dataDir, "data folder");
        }
        try (DatabaseConnection db = DatabaseConnection.open(settings)) {
            Connection connection = db.connection();
            try (Statement statement = connection.createStatement()) {
                if (!Backup.tables(statement).isEmpty()) {
                    throw new IOException("the target database is not empty; restore needs an empty database");
                }
            }
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                    .locations("classpath:db/migration").target(manifest.schemaVersion()).load().migrate();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                for (BackupManifest.Table table : manifest.tables()) {
                    if (table.name().equals("flyway_schema_history")) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(source.resolve(table.file()))) {
                        connection.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY public.\"" + table.name() + "\" FROM STDIN WITH (FORMAT csv, HEADER)", in);
                    }
                }
                for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                    try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?, ?)")) {
                        setval.setString(1, "public.\"" + sequence.getKey() + "\"");
                        setval.setLong(2, sequence.getValue());
                        setval.execute();
                    }
                }
            }
            connection.commit();
        }
        for (BackupManifest.FileEntry file : manifest.files()) {
            Path target = dataDir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.copy(source.resolve("files").resolve(file.path()), target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
        return "restored " + manifest.tables().size() + " tables (" + rows + " rows) and " + manifest.files().size()
                + " files into " + dataDir;
    }

    private static BackupManifest readAndVerify(Path source) throws IOException {
        Path manifestFile = source.resolve(BackupManifest.NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(source + " is not a Vigil backup (no " + BackupManifest.NAME + ")");
        }
        BackupManifest manifest = Backup.JSON.readValue(manifestFile.toFile(), BackupManifest.class);
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new IOException("backup format " + manifest.format() + " is not supported (expected " + BackupManifest.FORMAT + ")");
        }
        for (BackupManifest.Table table : manifest.tables()) {
            check(source.resolve(table.file()), table.sha256());
        }
        for (BackupManifest.FileEntry file : manifest.files()) {
            check(source.resolve("files").resolve(file.path()), file.sha256());
        }
        return manifest;
    }

    private static void check(Path file, String expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("backup is incomplete: " + file + " is missing");
        }
        if (!Sha256.of(file).equals(expected)) {
            throw new IOException("backup is damaged: " + file + " does not match its SHA-256 in the manifest");
        }
    }

}
