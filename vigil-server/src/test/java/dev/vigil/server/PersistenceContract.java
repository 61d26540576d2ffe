package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Persistence behaviour that must hold on every supported database: run against the embedded PostgreSQL
 * ({@link EmbeddedDatabasePersistenceTest}) and an external one ({@link ExternalDatabasePersistenceIT}).
 */
interface PersistenceContract {

    String PASSWORD = ServerTestBase.PASSWORD;

    Api api();

    JdbcClient jdbc();

    /** A token of an administrator of the server under test. */
    String adminToken();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    default void usersTenantsAndTokensAreStoredAndReadBack() {
        Api api = api();
        String slug = unique("persist");
        UUID tenant = api.createTenant(adminToken(), slug);
        String username = unique("persisted");
        UUID user = api.createUser(adminToken(), username, PASSWORD, List.of("auditor"), tenant);
        Api.Response read = api.get("/api/v1/users/" + user, adminToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("username")).isEqualTo(username);
        assertThat(read.text("tenantId")).isEqualTo(tenant.toString());
        assertThat(read.json().path("roles").toString()).contains("auditor");
        assertThat(api.get("/api/v1/tenants/" + tenant, adminToken()).text("slug")).isEqualTo(slug);

        String session = api.login(username, PASSWORD);
        assertThat(api.get("/api/v1/me", session).text("tenantId")).isEqualTo(tenant.toString());
        String token = api.createToken(adminToken(), username, List.of("user:read:*"));
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/records", token).status()).as("scoped to user:read").isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + user, adminToken()).json().path("lastLoginAt").isNull()).isFalse();

        assertThat(api.post("/api/v1/tenants", adminToken(), Map.of("slug", slug, "name", "duplicate")).status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/tenants/" + tenant, adminToken()).status()).as("still has a user").isEqualTo(409);
        assertThat(api.delete("/api/v1/users/" + user, adminToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users", token).status()).as("the owner is gone").isEqualTo(401);
        assertThat(api.delete("/api/v1/tenants/" + tenant, adminToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/tenants/" + tenant, adminToken()).status()).isEqualTo(404);
    }

    @Test
    default void theAuditTrailIsAppendOnlyInTheDatabase() {
        UUID tenant = api().createTenant(adminToken(), unique("trail"));
        long records = jdbc().sql("SELECT count(*) FROM audit_record WHERE object_id = ?").param(tenant.toString())
                .query(Long.class).single();
        assertThat(records).isOne();
        assertThatThrownBy(() -> jdbc().sql("UPDATE audit_record SET outcome = 'failure' WHERE object_id = ?")
                .param(tenant.toString()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM audit_record WHERE object_id = ?").param(tenant.toString()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().sql("TRUNCATE audit_record").update()).hasMessageContaining("append-only");
        assertThat(jdbc().sql("SELECT outcome FROM audit_record WHERE object_id = ?").param(tenant.toString()).query(String.class)
                .single()).isEqualTo("success");
    }

    @Test
    default void totpSecretsAreEncryptedAtRestAndLockoutIsCounted() {
        Api api = api();
        String username = unique("second");
        UUID user = api.createUser(adminToken(), username, PASSWORD, List.of("soc-analyst"), null);
        String session = api.login(username, PASSWORD);
        String secret = api.post("/api/v1/me/totp/enrolment", session, null).text("secret");
        assertThat(api.post("/api/v1/me/totp/confirm", session, Map.of("code", Totp.code(secret, 0))).status()).isEqualTo(204);
        String stored = jdbc().sql("SELECT totp_secret FROM app_user WHERE id = ?").param(user).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(api.loginResponse(username, PASSWORD, Totp.code(secret, 1)).status()).isEqualTo(200);

        assertThat(api.loginResponse(username, "wrong-password", null).status()).isEqualTo(401);
        assertThat(jdbc().sql("SELECT failed_attempts FROM app_user WHERE id = ?").param(user).query(Integer.class).single())
                .isOne();
    }
}
