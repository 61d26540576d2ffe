package dev.vigil.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;

/** Bad requests get a 4xx problem naming what is wrong — never a 500 or a stack trace. */
class BadInputTest extends ServerTestBase {

    @Test
    void malformedJson() {
        Api.Response response = api().post("/api/v1/tenants", ADMIN_TOKEN, "{\"slug\": \"x\",").assertProblem(400);
        assertThat(response.problemCode()).isEqualTo("malformed-body");
        assertThat(response.detail()).contains("malformed JSON");
        api().post("/api/v1/auth/login", null, "not json at all").assertProblem(400);
        api().post("/api/v1/auth/login", null, "").assertProblem(400);
    }

    @Test
    void unknownField() {
        Api.Response response = api().post("/api/v1/tenants", ADMIN_TOKEN,
                Map.of("slug", unique("t"), "name", "n", "colour", "blue")).assertProblem(400);
        assertThat(response.detail()).contains("unknown field 'colour'");
    }

    @Test
    void wrongTypesAndUnknownValues() {
        Api api = api();
        assertThat(api.post("/api/v1/tenants", ADMIN_TOKEN, "{\"slug\": [1, 2], \"name\": \"n\"}").assertProblem(400).detail())
                .contains("slug");
        assertThat(api.post("/api/v1/tokens", ADMIN_TOKEN, "{\"name\": \"t\", \"lifetimeDays\": \"soon\"}").assertProblem(400).detail())
                .contains("lifetimeDays");
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, "{\"username\": \"u\", \"tenantId\": \"not-a-uuid\"}").assertProblem(400)
                .detail()).contains("tenantId");
        assertThat(api.patch("/api/v1/users/" + UUID.randomUUID(), ADMIN_TOKEN, "{\"enabled\": \"perhaps\"}").assertProblem(400)
                .detail()).contains("enabled");
        assertThat(api.get("/api/v1/audit/records?outcome=maybe", ADMIN_TOKEN).assertProblem(400).detail()).contains("outcome");
        assertThat(api.get("/api/v1/audit/records?limit=many", ADMIN_TOKEN).assertProblem(400).detail()).contains("limit");
        assertThat(api.get("/api/v1/audit/records?since=yesterday", ADMIN_TOKEN).assertProblem(400).detail()).contains("since");
        assertThat(api.get("/api/v1/audit/records?limit=0", ADMIN_TOKEN).assertProblem(400).detail()).contains("limit");
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", unique("u"), "roles", List.of("overlord")))
                .assertProblem(400).problemCode()).isEqualTo("unknown-role");
        assertThat(api.post("/api/v1/roles", ADMIN_TOKEN, Map.of("name", unique("r"), "permissions", List.of("user:fly:*")))
                .assertProblem(400).problemCode()).isEqualTo("invalid-permission");
        assertThat(api.post("/api/v1/tenants", ADMIN_TOKEN, Map.of("slug", "Not A Slug", "name", "n")).assertProblem(400).detail())
                .contains("slug");
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", unique("u"), "email", "not-an-email")).assertProblem(400)
                .detail()).contains("email");
    }

    @Test
    void invalidUuidInThePath() {
        Api.Response response = api().get("/api/v1/users/not-a-uuid", ADMIN_TOKEN).assertProblem(400);
        assertThat(response.detail()).contains("id").contains("not-a-uuid");
        api().delete("/api/v1/tokens/42", ADMIN_TOKEN).assertProblem(400);
        assertThat(api().get("/api/v1/users/" + UUID.randomUUID(), ADMIN_TOKEN).assertProblem(404).problemCode()).isEqualTo("not-found");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String big = "{\"username\": \"" + "x".repeat(1024 * 1024) + "\", \"password\": \"p\"}";
        Api.Response declared = api().post("/api/v1/auth/login", null, big).assertProblem(413);
        assertThat(declared.problemCode()).isEqualTo("body-too-large");
        assertThat(declared.detail()).contains(String.valueOf(1024 * 1024));

        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response chunked = api().sendRaw("POST", "/api/v1/tenants", ADMIN_TOKEN,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).assertProblem(413);
        assertThat(chunked.problemCode()).isEqualTo("body-too-large");

        String justUnder = "{\"username\": \"" + "x".repeat(1000) + "\", \"password\": \"p\"}";
        assertThat(api().post("/api/v1/auth/login", null, justUnder).status()).isEqualTo(400);
    }

    @Test
    void wrongPasswordThenLockoutWithRetryAfter() {
        Api api = api();
        String username = unique("guesser");
        api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), null);
        assertThat(api.loginResponse(username, "wrong-password-1", null).assertProblem(401).problemCode()).isEqualTo("bad-credentials");
        assertThat(api.loginResponse("no-such-user-" + UUID.randomUUID().toString().substring(0, 6), "whatever-pass", null)
                .assertProblem(401).detail()).as("unknown users look the same").isEqualTo("wrong username, password or code");
        for (int attempt = 2; attempt <= 5; attempt++) {
            api.loginResponse(username, "wrong-password-" + attempt, null).assertProblem(401);
        }
        Api.Response locked = api.loginResponse(username, PASSWORD, null).assertProblem(429);
        assertThat(locked.problemCode()).isEqualTo("locked");
        assertThat(locked.detail()).contains("retry after");
        JsonView user = new JsonView(api.get("/api/v1/users", ADMIN_TOKEN));
        assertThat(user.lockedFlagOf(username)).isTrue();

        String id = user.idOf(username);
        assertThat(api.post("/api/v1/users/" + id + "/unlock", ADMIN_TOKEN, null).status()).isEqualTo(200);
        assertThat(api.loginResponse(username, PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void expiredAndRevokedAndUnknownTokens() {
        Api api = api();
        String username = unique("expiring");
        api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), null);
        String token = api.createToken(ADMIN_TOKEN, username, List.of());
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_prefix = ? AND owner_id = (SELECT id FROM app_user WHERE username = ?)")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), token.substring(0, 10), username).update();
        assertThat(api.get("/api/v1/me", token).assertProblem(401).problemCode()).isEqualTo("invalid-token");

        String session = api.login(username, PASSWORD);
        assertThat(api.post("/api/v1/auth/logout", session, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", session).assertProblem(401).problemCode()).isEqualTo("invalid-token");

        api.get("/api/v1/me", "vgl_this-token-was-never-issued-000000").assertProblem(401);
        api.get("/api/v1/me", "short").assertProblem(401);
    }

    /** Reads users out of a list response. */
    private record JsonView(Api.Response response) {
        boolean lockedFlagOf(String username) {
            return find(username).path("locked").asBoolean();
        }

        String idOf(String username) {
            return find(username).path("id").asString();
        }

        private tools.jackson.databind.JsonNode find(String username) {
            for (var user : response.json()) {
                if (user.path("username").asString().equals(username)) {
                    return user;
                }
            }
            throw new AssertionError(username + " not listed");
        }
    }
}
