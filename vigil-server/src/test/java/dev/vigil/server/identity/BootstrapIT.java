package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The first start of an empty data folder creates the administrator (and token); later starts ignore the settings. */
class BootstrapIT {

    private static final String PASSWORD = "First-Start-Passphrase-1";
    private static final String TOKEN = "vgl_bootstrap-it-token-0123456789abcdef";

    @Test
    void bootstrapSettingsCreateTheAdministratorOnceAndAreAudited() throws Exception {
        Path dataDir = TestDirs.fresh("bootstrap");
        try (RunningServer server = RunningServer.start(dataDir, "vigil.bootstrap.admin-password=" + PASSWORD,
                "vigil.bootstrap.api-token=" + TOKEN)) {
            Api api = server.api();
            Api.Response login = api.loginResponse("admin", PASSWORD, null);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("passwordChangeRequired").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/users", login.text("token")).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/me", TOKEN).json().path("roles").toString()).contains("admin");
            assertThat(api.get("/api/v1/audit/records", TOKEN).status()).isEqualTo(200);
            assertThat(dataDir.resolve("initial-admin-password")).doesNotExist();

            JsonNode records = api.get("/api/v1/audit/records?actor=bootstrap", TOKEN).json();
            assertThat(records.findValuesAsString("action")).containsExactly("user.create", "api-token.create");
            for (JsonNode record : records) {
                assertThat(record.path("actor").path("kind").asString()).isEqualTo("system-job");
                assertThat(record.path("outcome").asString()).isEqualTo("success");
                assertThat(record.toString()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
            }
        }

        String otherToken = "vgl_another-bootstrap-token-0123456789";
        try (RunningServer again = RunningServer.start(dataDir, "vigil.bootstrap.admin-password=Other-Passphrase-22",
                "vigil.bootstrap.api-token=" + otherToken)) {
            Api api = again.api();
            assertThat(api.loginResponse("admin", "Other-Passphrase-22", null).status()).as("ignored once users exist").isEqualTo(401);
            assertThat(api.loginResponse("admin", PASSWORD, null).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/me", otherToken).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/users", TOKEN).status()).isEqualTo(200);
            JsonNode users = api.get("/api/v1/users", TOKEN).json();
            assertThat(users.findValuesAsString("username")).containsExactly("admin");
            assertThat(api.get("/api/v1/audit/records?actor=bootstrap", TOKEN).json().size()).isEqualTo(2);
        }
    }

    @Test
    void withoutSettingsTheGeneratedPasswordIsInAPrivateFileAndMustBeChanged() throws Exception {
        Path dataDir = TestDirs.fresh("bootstrap-generated");
        try (RunningServer server = RunningServer.start(dataDir)) {
            Path file = dataDir.resolve("initial-admin-password");
            assertThat(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);

            Api api = server.api();
            Api.Response login = api.loginResponse("admin", password, null);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("passwordChangeRequired").asBoolean()).isTrue();
            String session = login.text("token");
            assertThat(api.get("/api/v1/users", session).assertProblem(403).detail()).contains("change your password");
            assertThat(api.post("/api/v1/me/password", session,
                    java.util.Map.of("currentPassword", password, "newPassword", "My-Own-Passphrase-3")).status()).isEqualTo(204);
            String fresh = api.login("admin", "My-Own-Passphrase-3");
            assertThat(api.get("/api/v1/users", fresh).status()).isEqualTo(200);
            JsonNode created = api.get("/api/v1/audit/records?action=user.create", fresh).json();
            assertThat(created.get(0).path("actor").path("name").asString()).isEqualTo("bootstrap");
            assertThat(created.get(0).path("body").path("passwordFrom").asString()).isEqualTo("generated");
            assertThat(created.toString()).doesNotContain(password);
        }
    }
}
