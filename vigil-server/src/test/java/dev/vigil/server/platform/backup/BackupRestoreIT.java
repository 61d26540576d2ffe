package dev.vigil.server.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.vigil.server.VigilMain;
import dev.vigil.server.ingest.IngestClient;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.RunningServer;
import dev.vigil.server.support.TestDirs;
import dev.vigil.server.support.Totp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A backup taken while the server runs restores into a new data folder with everything working as before. */
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreIT {

    private static final String ADMIN_PASSWORD = "Backup-Test-Passphrase-1";
    private static final String TOKEN = "vgl_backup-test-admin-token-0123456789";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @Test
    void backupWhileRunningThenRestoreIntoANewDataFolder(CapturedOutput output) throws IOException {
        Path original = TestDirs.fresh("backup-source");
        Path backup = TestDirs.fresh("backup").resolve("set");
        UUID tenant;
        String aliceToken;
        String bobSecret;
        long lastSeq;
        long auditRecords;
        try (RunningServer server = RunningServer.start(original, "vigil.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "vigil.bootstrap.api-token=" + TOKEN)) {
            Api api = server.api();
            tenant = api.createTenant(TOKEN, "acme");
            // a signed checkpoint covers what exists so far; what follows is the uncovered tail a live backup catches
            assertThat(api.post("/api/v1/audit/checkpoint", TOKEN, null).status()).isEqualTo(200);
            api.createUser(TOKEN, "alice", PASSWORD, List.of("auditor"), tenant);
            aliceToken = api.createToken(TOKEN, "alice", List.of());
            api.createUser(TOKEN, "bob", PASSWORD, List.of("soc-analyst"), null);
            String bob = api.login("bob", PASSWORD);
            bobSecret = api.post("/api/v1/me/totp/enrolment", bob, null).text("secret");
            assertThat(api.post("/api/v1/me/totp/confirm", bob, Map.of("code", Totp.code(bobSecret, 0))).status()).isEqualTo(204);
            IngestClient ingest = new IngestClient(api, TOKEN);
            String ingestToken = ingest.createToken(ingest.createHttpInput("backup-http", "platform", "json"));
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                events.append("{\"message\":\"backed up ").append(i).append("\",\"host\":{\"name\":\"backup-host\"}}\n");
            }
            assertThat(ingest.ndjson(ingestToken, events.toString()).statusCode()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ingest.count(TOKEN, "host.name:backup-host") == 50);
            lastSeq = server.jdbc().sql("SELECT max(seq) FROM audit_record").query(Long.class).single();
            auditRecords = server.jdbc().sql("SELECT count(*) FROM audit_record").query(Long.class).single();

            int exit = VigilMain.commandLine().execute("backup", "--to", backup.toString(), "--data-dir", original.toString());
            assertThat(exit).as(output.getErr()).isZero();
            assertThat(output.getOut()).contains("backup written to " + backup);
            assertThat(api.get("/readyz", null).status()).as("the server kept running").isEqualTo(200);
        }
        assertThat(backup.resolve("manifest.json")).isRegularFile();
        assertThat(backup.resolve("files/keys/secrets.key")).isRegularFile();
        assertThat(backup.resolve("files/spool/spool-id")).isRegularFile();
        assertThat(backup.resolve("files/events/field-types.tsv")).isRegularFile();
        assertThat(backup.resolve("files/metrics/wal")).as("the metric store's WAL").isDirectoryContaining(p -> p.getFileName().toString().matches("\\d{8}"));

        assertThat(VigilMain.commandLine().execute("restore", backup.toString(), "--data-dir", original.toString())).isEqualTo(1);
        assertThat(output.getErr()).contains("vigil restore:").contains("is not empty");

        Path damaged = damagedCopy(backup);
        Path unused = TestDirs.fresh("restore-damaged");
        assertThat(VigilMain.commandLine().execute("restore", damaged.toString(), "--data-dir", unused.toString())).isEqualTo(1);
        assertThat(output.getErr()).contains("backup is damaged").contains("app_user.csv");
        try (Stream<Path> left = Files.list(unused)) {
            assertThat(left).as("nothing was restored").isEmpty();
        }

        Path restored = TestDirs.fresh("restored");
        Files.delete(restored);
        int exit = VigilMain.commandLine().execute("restore", backup.toString(), "--data-dir", restored.toString());
        assertThat(exit).as(output.getErr()).isZero();
        assertThat(output.getOut()).contains("restored");

        try (RunningServer server = RunningServer.start(restored)) {
            Api api = server.api();
            assertThat(restored.resolve("initial-admin-password")).as("no new administrator was made").doesNotExist();
            String alice = api.login("alice", PASSWORD);
            assertThat(api.get("/api/v1/me", alice).text("tenantId")).isEqualTo(tenant.toString());
            assertThat(api.get("/api/v1/me", aliceToken).text("username")).isEqualTo("alice");
            assertThat(api.get("/api/v1/users", TOKEN).json().findValuesAsString("username")).contains("admin", "alice", "bob");
            assertThat(api.get("/api/v1/tenants/" + tenant, TOKEN).text("slug")).isEqualTo("acme");
            assertThat(api.loginResponse("admin", ADMIN_PASSWORD, null).status()).isEqualTo(200);

            assertThat(api.loginResponse("bob", PASSWORD, null).problemCode()).isEqualTo("totp-required");
            assertThat(api.loginResponse("bob", PASSWORD, Totp.code(bobSecret, 1)).status()).as("TOTP secret decrypts").isEqualTo(200);

            assertThat(server.jdbc().sql("SELECT count(*) FROM audit_record WHERE seq <= ?").param(lastSeq).query(Long.class).single())
                    .isEqualTo(auditRecords);
            assertThat(api.get("/api/v1/audit/records?action=tenant.create", TOKEN).json().findValuesAsString("objectId"))
                    .contains(tenant.toString());
            IngestClient ingest = new IngestClient(api, TOKEN);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ingest.count(TOKEN, "host.name:backup-host")).as("stored events came back, each once").isEqualTo(50));
            UUID another = api.createTenant(TOKEN, "globex");
            long newSeq = server.jdbc().sql("SELECT seq FROM audit_record WHERE object_id = ?").param(another.toString())
                    .query(Long.class).single();
            assertThat(newSeq).as("sequences continue after the restored records").isGreaterThan(lastSeq);
        }
    }

    private static Path damagedCopy(Path backup) throws IOException {
        Path copy = TestDirs.fresh("backup-damaged");
        try (Stream<Path> files = Files.walk(backup)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(backup.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path users = copy.resolve("db/app_user.csv");
        byte[] bytes = Files.readAllBytes(users);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(users, bytes);
        return copy;
    }
}
