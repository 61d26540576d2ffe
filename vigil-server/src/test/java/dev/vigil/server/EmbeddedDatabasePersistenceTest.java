package dev.vigil.server;

import dev.vigil.server.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The persistence contract on the embedded PostgreSQL of the shared test server. */
class EmbeddedDatabasePersistenceTest extends ServerTestBase implements PersistenceContract {

    @Override
    public Api api() {
        return super.api();
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public String adminToken() {
        return ADMIN_TOKEN;
    }
}
