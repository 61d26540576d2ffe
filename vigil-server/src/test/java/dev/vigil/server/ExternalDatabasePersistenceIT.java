package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.vigil.server.platform.database.EmbeddedPostgresServer;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The persistence contract on an external PostgreSQL (127.0.0.1:5432, trust authentication, user postgres): a fresh
 * database vigil_test_<random> is created for the run and dropped afterwards.
 */
class ExternalDatabasePersistenceIT implements PersistenceContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String TOKEN = "vgl_external-database-test-token-0123456789";
    private static final String DATABASE = "vigil_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static RunningServer server;

    @BeforeAll
    static void startOnAFreshDatabase() throws SQLException {
        admin("CREATE DATABASE " + DATABASE);
        server = RunningServer.start(TestDirs.fresh("external-db"), "vigil.database.url=" + SERVER + DATABASE,
                "vigil.database.username=postgres", "vigil.bootstrap.admin-password=" + ServerTestBase.ADMIN_PASSWORD,
                "vigil.bootstrap.api-token=" + TOKEN);
    }

    @AfterAll
    static void stopAndDropTheDatabase() throws SQLException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theServerUsesTheExternalDatabaseAndNoEmbeddedOne() {
        assertThat(jdbc().sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE);
        assertThat(server.dataDir().resolve("pg")).doesNotExist();
        assertThat(EmbeddedPostgresServer.runningPort(server.dataDir())).isEmpty();
        assertThat(api().get("/readyz", null).status()).isEqualTo(200);
    }

    @Override
    public Api api() {
        return server.api();
    }

    @Override
    public JdbcClient jdbc() {
        return server.jdbc();
    }

    @Override
    public String adminToken() {
        return TOKEN;
    }
}
