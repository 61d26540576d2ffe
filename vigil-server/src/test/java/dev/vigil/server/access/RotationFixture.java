package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Targets and accounts of the rotation tests over the API, and the target-side checks with the real OpenSSH client. */
record RotationFixture(Api api, JdbcClient jdbc, CredentialVault vault, TargetSshd sshd) {

    UUID target(String name) {
        Api.Response response = api.post("/api/v1/access/targets", ServerTestBase.ADMIN_TOKEN, Map.of("name", name, "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    UUID account(UUID target, String name, String kind, String secret) {
        Api.Response response = api.post("/api/v1/access/targets/" + target + "/accounts", ServerTestBase.ADMIN_TOKEN,
                Map.of("name", name, "credentialKind", kind, "secret", secret));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    /** The account as GET /api/v1/access/targets/{id} shows it. */
    JsonNode shown(UUID target, UUID account) {
        JsonNode accounts = api.get("/api/v1/access/targets/" + target, ServerTestBase.ADMIN_TOKEN).json().path("accounts");
        return StreamSupport.stream(accounts.spliterator(), false).filter(a -> a.path("id").asString().equals(account.toString()))
                .findFirst().orElseThrow();
    }

    String vaulted(UUID account) {
        String stored = jdbc.sql("SELECT credential FROM access_target_account WHERE id = ?").param(account).query(String.class).single();
        return vault.decrypt(stored, account.toString());
    }

    /** A login to the target with the real OpenSSH client and only this private key. */
    boolean logsInWithKey(String user, String privateKey) {
        try {
            Path dir = Files.createTempDirectory("vigil-rotation-key");
            Path file = dir.resolve("key");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, privateKey);
            SshClientRun.Result result = SshClientRun.ssh(file, sshd.port(), user, "-o", "PasswordAuthentication=no", "--", "echo in");
            Files.delete(file);
            Files.delete(dir);
            return result.exitStatus() == 0 && result.stdout().strip().equals("in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
