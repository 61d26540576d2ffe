package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.Totp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-in, forced password change, TOTP, live role and account changes, escalation, tenants and API tokens. */
class AuthFlowsTest extends ServerTestBase {

    @Test
    void bootstrapAdminSignsInAndTheBearerTokenWorks() {
        Api api = api();
        assertThat(api.get("/api/v1/users", null).assertProblem(401).problemCode()).isEqualTo("unauthenticated");
        Api.Response login = api.loginResponse("admin", ADMIN_PASSWORD, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().path("passwordChangeRequired").asBoolean()).isFalse();
        String token = login.text("token");
        Api.Response users = api.get("/api/v1/users", token);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().findValuesAsString("username")).contains("admin");
        assertThat(api.get("/api/v1/me", token).text("via")).isEqualTo("bearer_session");

        assertThat(api.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users", token).assertProblem(401).problemCode()).isEqualTo("invalid-token");
    }

    @Test
    void adminCreatesUserWhoMustChangeTheGeneratedPassword() {
        Api api = api();
        String username = unique("newbie");
        Api.Response created = api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", username, "roles", List.of("auditor")));
        assertThat(created.status()).isEqualTo(201);
        String initial = created.text("initialPassword");
        assertThat(initial).hasSizeGreaterThanOrEqualTo(12);
        assertThat(created.json().path("user").path("mustChangePassword").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/users/" + created.json().path("user").path("id").asString(), ADMIN_TOKEN).status()).isEqualTo(200);

        Api.Response login = api.loginResponse(username, initial, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("passwordChangeRequired").asBoolean()).isTrue();
        String token = login.text("token");
        Api.Response refused = api.get("/api/v1/users", token).assertProblem(403);
        assertThat(refused.detail()).contains("change your password").contains("/api/v1/me/password");

        assertThat(api.post("/api/v1/me/password", token, Map.of("currentPassword", "wrong-password-x", "newPassword", PASSWORD))
                .assertProblem(400).problemCode()).isEqualTo("wrong-password");
        assertThat(api.post("/api/v1/me/password", token, Map.of("currentPassword", initial, "newPassword", "short"))
                .assertProblem(400).problemCode()).isEqualTo("weak-password");
        assertThat(api.post("/api/v1/me/password", token, Map.of("currentPassword", initial, "newPassword", PASSWORD)).status())
                .isEqualTo(204);
        String fresh = api.login(username, PASSWORD);
        assertThat(api.get("/api/v1/users", fresh).status()).isEqualTo(200);
        assertThat(api.loginResponse(username, initial, null).status()).as("the old password is gone").isEqualTo(401);
    }

    @Test
    void forcedChangeWithoutSessionThroughChangePassword() {
        Api api = api();
        String username = unique("reset");
        UUID id = api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), null);
        String temporary = api.post("/api/v1/users/" + id + "/password-reset", ADMIN_TOKEN, null).text("temporaryPassword");
        assertThat(api.get("/api/v1/audit/records", api.login(username, temporary)).assertProblem(403).detail())
                .contains("change your password");
        assertThat(api.post("/api/v1/auth/change-password", null, Map.of("username", username, "password", "not-the-password",
                "newPassword", "Another-Good-Passphrase-2")).assertProblem(401).problemCode()).isEqualTo("bad-credentials");
        assertThat(api.post("/api/v1/auth/change-password", null, Map.of("username", username, "password", temporary,
                "newPassword", "short")).assertProblem(400).problemCode()).isEqualTo("weak-password");
        assertThat(api.post("/api/v1/auth/change-password", null, Map.of("username", username, "password", temporary,
                "newPassword", "Another-Good-Passphrase-2")).status()).isEqualTo(204);
        JsonNode changed = api.get("/api/v1/audit/records?action=user.password.change&objectId=" + id, ADMIN_TOKEN).json();
        assertThat(changed.size()).isOne();
        assertThat(changed.get(0).path("actor").path("kind").asString()).isEqualTo("user");
        assertThat(changed.get(0).path("actor").path("name").asString()).isEqualTo(username);
        Api.Response login = api.loginResponse(username, "Another-Good-Passphrase-2", null);
        assertThat(login.json().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/audit/records", login.text("token")).status()).isEqualTo(200);
    }

    @Test
    void totpEnrolmentThenLoginNeedsAFreshCode() {
        Api api = api();
        String username = unique("totp");
        api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("soc-analyst"), null);
        String session = api.login(username, PASSWORD);
        Api.Response enrolment = api.post("/api/v1/me/totp/enrolment", session, null);
        assertThat(enrolment.status()).isEqualTo(200);
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/Vigil:" + username).contains("secret=" + secret);
        assertThat(api.post("/api/v1/me/totp/confirm", session, Map.of("code", "000000")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/totp/confirm", session, Map.of("code", Totp.code(secret, 0))).status()).isEqualTo(204);

        Api.Response withoutCode = api.loginResponse(username, PASSWORD, null).assertProblem(401);
        assertThat(withoutCode.problemCode()).isEqualTo("totp-required");
        assertThat(api.loginResponse(username, PASSWORD, "123").assertProblem(401).problemCode()).isEqualTo("bad-credentials");
        String next = Totp.code(secret, 1);
        Api.Response withCode = api.loginResponse(username, PASSWORD, next);
        assertThat(withCode.status()).as(withCode.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", withCode.text("token")).text("username")).isEqualTo(username);
        Api.Response replay = api.loginResponse(username, PASSWORD, next).assertProblem(401);
        assertThat(replay.problemCode()).isEqualTo("bad-credentials");
        JsonNode user = userNamed(api, username);
        assertThat(user.path("totpEnabled").asBoolean()).isTrue();
    }

    @Test
    void roleChangesApplyToALiveTokenAtOnce() {
        Api api = api();
        String username = unique("promoted");
        UUID id = api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("soc-analyst"), null);
        String session = api.login(username, PASSWORD);
        assertThat(api.get("/api/v1/audit/records", session).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/users/" + id + "/roles", ADMIN_TOKEN, Map.of("roles", List.of("auditor"))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/records", session).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/users/" + id + "/roles", ADMIN_TOKEN, Map.of("roles", List.of())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/records", session).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", session).json().path("roles").size()).isZero();
    }

    @Test
    void disablingAUserCutsOffTheirSessionsAndTokensAtOnce() {
        Api api = api();
        String username = unique("leaver");
        UUID id = api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), null);
        String session = api.login(username, PASSWORD);
        String token = api.createToken(ADMIN_TOKEN, username, List.of());
        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + id, ADMIN_TOKEN, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", session).assertProblem(401).problemCode()).isEqualTo("invalid-token");
        assertThat(api.get("/api/v1/me", token).assertProblem(401).problemCode()).isEqualTo("invalid-token");
        assertThat(api.loginResponse(username, PASSWORD, null).assertProblem(401).problemCode()).isEqualTo("bad-credentials");

        assertThat(api.patch("/api/v1/users/" + id, ADMIN_TOKEN, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void patchingAUserChangesOnlyTheFieldsSent() {
        Api api = api();
        UUID tenant = api.createTenant(ADMIN_TOKEN, unique("keep"));
        String username = unique("patched");
        Api.Response created = api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", username, "displayName", "Pat Ched",
                "email", "pat@example.org", "tenantId", tenant.toString(), "password", PASSWORD, "mustChangePassword", false));
        String id = created.json().path("user").path("id").asString();
        Api.Response disabled = api.patch("/api/v1/users/" + id, ADMIN_TOKEN, Map.of("enabled", false));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.text("tenantId")).as("tenant kept").isEqualTo(tenant.toString());
        assertThat(disabled.text("displayName")).isEqualTo("Pat Ched");
        assertThat(disabled.text("email")).isEqualTo("pat@example.org");
        Api.Response renamed = api.patch("/api/v1/users/" + id, ADMIN_TOKEN, Map.of("displayName", "Patricia", "enabled", true));
        assertThat(renamed.text("displayName")).isEqualTo("Patricia");
        assertThat(renamed.text("email")).isEqualTo("pat@example.org");
        assertThat(renamed.text("tenantId")).isEqualTo(tenant.toString());
    }

    @Test
    void aUserManagerCannotGrantMoreThanTheyHold() {
        Api api = api();
        String roleName = unique("user-manager");
        assertThat(api.post("/api/v1/roles", ADMIN_TOKEN, Map.of("name", roleName,
                "permissions", List.of("user:read:*", "user:create:*", "user:update:*"))).status()).isEqualTo(201);
        String managerName = unique("manager");
        UUID managerId = api.createUser(ADMIN_TOKEN, managerName, PASSWORD, List.of(roleName), null);
        String manager = api.login(managerName, PASSWORD);

        String victim = unique("escalated");
        Api.Response escalation = api.post("/api/v1/users", manager, Map.of("username", victim, "roles", List.of("admin")))
                .assertProblem(403);
        assertThat(escalation.problemCode()).isEqualTo("privilege-escalation");
        assertThat(escalation.detail()).contains("admin");
        assertThat(userNamedOrNull(api, victim)).as("no user was created").isNull();
        assertThat(api.put("/api/v1/users/" + managerId + "/roles", manager, Map.of("roles", List.of("admin")))
                .assertProblem(403).problemCode()).isEqualTo("privilege-escalation");
        assertThat(api.post("/api/v1/groups", manager, Map.of("name", unique("g"), "roles", List.of("admin"))).status())
                .as("group:create is not held").isEqualTo(403);
        assertThat(api.get("/api/v1/me", manager).json().path("roles").toString()).doesNotContain("\"admin\"");

        String adminId = userNamed(api, "admin").path("id").asString();
        for (String takeover : List.of("/password-reset", "/totp-reset")) {
            assertThat(api.post("/api/v1/users/" + adminId + takeover, manager, null).assertProblem(403).problemCode())
                    .as(takeover).isEqualTo("privilege-escalation");
        }
        assertThat(api.patch("/api/v1/users/" + adminId, manager, Map.of("enabled", false)).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/users/" + adminId + "/roles", manager, Map.of("roles", List.of())).status()).isEqualTo(403);
        assertThat(api.loginResponse("admin", ADMIN_PASSWORD, null).status()).as("the administrator is untouched").isEqualTo(200);

        String allowed = unique("plain");
        Api.Response plain = api.post("/api/v1/users", manager, Map.of("username", allowed, "roles", List.of(roleName)));
        assertThat(plain.status()).as("granting what one holds is fine").isEqualTo(201);
        assertThat(api.post("/api/v1/users/" + plain.json().path("user").path("id").asString() + "/password-reset", manager, null)
                .status()).as("managing an equal is fine").isEqualTo(200);
    }

    @Test
    void tenantAuthorizerSeesOnlyTheirOwnTenant() {
        Api api = api();
        UUID own = api.createTenant(ADMIN_TOKEN, unique("own"));
        UUID other = api.createTenant(ADMIN_TOKEN, unique("other"));
        String username = unique("customer");
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", unique("homeless"), "roles", List.of("tenant-authorizer")))
                .assertProblem(400).problemCode()).isEqualTo("tenant-required");
        api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("tenant-authorizer"), own);
        String token = api.login(username, PASSWORD);

        Api.Response visible = api.get("/api/v1/tenants", token);
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.json().findValuesAsString("id")).containsExactly(own.toString());
        assertThat(api.get("/api/v1/tenants", ADMIN_TOKEN).json().findValuesAsString("id")).contains(own.toString(), other.toString());
        assertThat(api.get("/api/v1/tenants/" + own, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants/" + other, token).assertProblem(403).detail()).contains(other.toString());
        assertThat(api.patch("/api/v1/tenants/" + own, token, Map.of("name", "renamed")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(403);
    }

    @Test
    void apiTokensAreShownOnceScopedRevocableAndRecordTheirLastUse() {
        Api api = api();
        Api.Response created = api.post("/api/v1/tokens", ADMIN_TOKEN, Map.of("name", "reader", "permissions", List.of("user:read:*"),
                "lifetimeDays", 7));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        String id = created.json().path("token").path("id").asString();
        assertThat(secret).startsWith("vgl_").hasSizeGreaterThan(40);
        assertThat(created.json().path("token").path("permissions").toString()).contains("user:read:*");

        Api.Response listed = api.get("/api/v1/tokens", ADMIN_TOKEN);
        assertThat(listed.body()).contains(id).doesNotContain(secret);
        assertThat(tokenById(api, id).path("lastUsedAt").isNull()).isTrue();

        assertThat(api.get("/api/v1/users", secret).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenants", secret).status()).as("outside the token's scope").isEqualTo(403);
        assertThat(api.post("/api/v1/tenants", secret, Map.of("slug", unique("t"), "name", "x")).status()).isEqualTo(403);
        JsonNode used = tokenById(api, id);
        assertThat(used.path("lastUsedAt").isNull()).isFalse();
        assertThat(used.path("lastUsedFrom").asString()).isEqualTo("127.0.0.1");

        assertThat(api.post("/api/v1/tokens", ADMIN_TOKEN, Map.of("name", "bad", "permissions", List.of("nothing:read:*")))
                .assertProblem(400).problemCode()).isEqualTo("invalid-permission");
        String analyst = unique("analyst");
        api.createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        assertThat(api.post("/api/v1/tokens", ADMIN_TOKEN, Map.of("name", "too-much", "owner", analyst,
                "permissions", List.of("user:read:*"))).assertProblem(400).problemCode()).isEqualTo("permission-not-held");

        Api.Response revoked = api.delete("/api/v1/tokens/" + id, ADMIN_TOKEN);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("revokedAt")).isNotBlank();
        assertThat(api.get("/api/v1/users", secret).assertProblem(401).problemCode()).isEqualTo("invalid-token");
    }

    private static JsonNode tokenById(Api api, String id) {
        for (JsonNode token : api.get("/api/v1/tokens", ADMIN_TOKEN).json()) {
            if (token.path("id").asString().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " not listed");
    }

    static JsonNode userNamed(Api api, String username) {
        JsonNode user = userNamedOrNull(api, username);
        assertThat(user).as("user %s", username).isNotNull();
        return user;
    }

    static JsonNode userNamedOrNull(Api api, String username) {
        for (JsonNode user : api.get("/api/v1/users", ADMIN_TOKEN).json()) {
            if (user.path("username").asString().equals(username)) {
                return user;
            }
        }
        return null;
    }
}
