package dev.vigil.server.platform.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.database.EmbeddedPostgresServer;

/**
 * A database connection for commands run beside (or instead of) the server: the external database, the embedded
 * cluster of a running server (found through its postmaster.pid), or the embedded cluster started just for the
 * command when no server runs.
 */
final class DatabaseConnection implements AutoCloseable {

    private final Connection connection;
    private final EmbeddedPostgresServer startedHere;

    private DatabaseConnection(Connection connection, EmbeddedPostgresServer startedHere) {
        this.connection = connection;
        this.startedHere = startedHere;
    }

    static DatabaseConnection open(VigilProperties settings) throws SQLException {
        VigilProperties.Database database = settings.database();
        if (!database.embedded()) {
            Properties props = new Properties();
            if (!database.username().isBlank()) {
                props.setProperty("user", database.username());
            }
            if (!database.password().isBlank()) {
                props.setProperty("password", database.password());
            }
            return new DatabaseConnection(DriverManager.getConnection(database.url(), props), null);
        }
        Optional<Integer> running = EmbeddedPostgresServer.runningPort(settings.resolvedDataDir());
        if (running.isPresent()) {
            return new DatabaseConnection(DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + running.get() + "/postgres", "postgres", ""), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.resolvedDataDir());
        return new DatabaseConnection(server.dataSource().getConnection(), server);
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }
}
