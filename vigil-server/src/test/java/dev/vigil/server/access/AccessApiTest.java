package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.SshClientRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bastion administration API: validation with clear problems, the vault, keys and grants. */
class AccessApiTest extends ServerTestBase {

    private static String hostKey;
    private static String privateKey;
    private static String otherPublicKey;

    @BeforeAll
    static void keys() throws Exception {
        Path dir = Files.createTempDirectory("vigil-access-api");
        Path key = SshClientRun.generateKey(dir, "target_key");
        hostKey = Files.readString(dir.resolve("target_key.pub")).strip();
        privateKey = Files.readString(key);
        SshClientRun.generateKey(dir, "operator_key");
        otherPublicKey = Files.readString(dir.resolve("operator_key.pub")).strip();
    }

    private UUID target(String name) {
        Api.Response response = api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", name, "host", "10.0.0.5", "hostKey", hostKey));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    @Test
    void aTargetPinsItsHostKeyAndRefusesBadInput() {
        String name = unique("web");
        UUID id = target(name);

        Api.Response got = api().get("/api/v1/access/targets/" + id, ADMIN_TOKEN);
        assertThat(got.json().path("hostKeyFingerprint").asString()).startsWith("SHA256:");
        assertThat(got.json().path("port").asInt()).isEqualTo(22);
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", name, "host", "10.0.0.6")).assertProblem(409).problemCode())
                .isEqualTo("duplicate");
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("x"), "host", "10.0.0.6", "hostKey", "ssh-rsa nonsense"))
                .assertProblem(400).detail()).contains("hostKey");
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "bad name", "host", "h")).assertProblem(400).detail())
                .contains("name must be");
        assertThat(api().post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", unique("p"), "host", "h", "port", 70000))
                .assertProblem(400).detail()).contains("port");
        assertThat(api().post("/api/v1/access/targets/" + id + "/host-key/confirm", ADMIN_TOKEN, Map.of("fingerprint", "SHA256:x"))
                .assertProblem(409).problemCode()).isEqualTo("no-pending-key");
    }

    @Test
    void credentialsGoIntoTheVaultAndNeverComeOut() {
        UUID id = target(unique("db"));

        Api.Response key = api().post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", "root", "credentialKind", "private-key", "secret", privateKey));
        Api.Response password = api().post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", "ops", "credentialKind", "password", "secret", "S3cret-target-pass"));

        assertThat(key.status()).as(key.body()).isEqualTo(201);
        assertThat(password.status()).isEqualTo(201);
        String shown = api().get("/api/v1/access/targets/" + id, ADMIN_TOKEN).body();
        assertThat(shown).doesNotContain("S3cret-target-pass").doesNotContain("OPENSSH PRIVATE KEY").contains("\"credentialKind\":\"password\"");
        String stored = jdbc.sql("SELECT credential FROM access_target_account WHERE target_id = ? AND name = 'ops'").param(id).query(String.class).single();
        assertThat(stored).startsWith("vault1:").doesNotContain("S3cret");
        assertThat(api().get("/api/v1/audit/records?action=access.account.create", ADMIN_TOKEN).body()).doesNotContain("S3cret-target-pass");
        assertThat(api().post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", "svc", "credentialKind", "private-key", "secret", "not a key")).assertProblem(400).problemCode())
                .isEqualTo("invalid-credential");
        assertThat(api().post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", "root", "credentialKind", "password", "secret", "x")).assertProblem(409).problemCode()).isEqualTo("duplicate");
        assertThat(api().post("/api/v1/access/vault/rotate", ADMIN_TOKEN, Map.of()).json().path("reEncrypted").asInt()).isZero();
    }

    @Test
    void grantsNameASubjectATargetAnAccountChannelsAndAWindow() {
        String name = unique("app");
        target(name);
        String user = unique("op");
        api().createUser(ADMIN_TOKEN, user, PASSWORD, List.of("operator"), null);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:" + user);
        grant.put("target", name);
        grant.put("account", "root");
        grant.put("validUntil", Instant.now().plusSeconds(3600).toString());

        Api.Response created = api().post("/api/v1/access/grants", ADMIN_TOKEN, grant);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("channels").toString()).isEqualTo("[\"shell\",\"exec\"]");
        Api.Response revoked = api().delete("/api/v1/access/grants/" + created.text("id"), ADMIN_TOKEN);
        assertThat(revoked.json().path("active").asBoolean()).isFalse();

        grant.put("channels", List.of("port-forward"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("cannot be granted");
        grant.put("channels", List.of("sftp", "scp", "forward"));
        grant.put("destinations", List.of("DB01.internal:5432", "10.0.0.7:*"));
        Api.Response forward = api().post("/api/v1/access/grants", ADMIN_TOKEN, grant);
        assertThat(forward.status()).as(forward.body()).isEqualTo(201);
        assertThat(forward.json().path("channels").toString()).isEqualTo("[\"sftp\",\"scp\",\"forward\"]");
        assertThat(forward.json().path("destinations").toString()).isEqualTo("[\"db01.internal:5432\",\"10.0.0.7:*\"]");
        grant.put("destinations", List.of("db01:99999"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("'db01:99999'");
        grant.put("channels", List.of("shell"));
        grant.put("destinations", List.of("db01:5432"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("forward channel only");
        grant.remove("destinations");
        grant.put("channels", List.of("shell", "agent-forward", "remote-forward"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("needs binds");
        grant.put("binds", List.of("LOCALHOST:8080", "*:0", "127.0.0.1:*"));
        Api.Response remote = api().post("/api/v1/access/grants", ADMIN_TOKEN, grant);
        assertThat(remote.status()).as(remote.body()).isEqualTo(201);
        assertThat(remote.json().path("channels").toString()).isEqualTo("[\"shell\",\"agent-forward\",\"remote-forward\"]");
        assertThat(remote.json().path("binds").toString()).isEqualTo("[\"localhost:8080\",\"*:0\",\"127.0.0.1:*\"]");
        grant.put("binds", List.of("localhost:70000"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("'localhost:70000'");
        grant.put("channels", List.of("shell"));
        grant.put("binds", List.of("localhost:8080"));
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("remote-forward channel only");
        grant.remove("binds");
        grant.put("channels", List.of("exec"));
        grant.remove("validUntil");
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("validUntil");
        grant.put("validUntil", Instant.now().plusSeconds(60).toString());
        grant.put("targetGroup", "web");
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("exactly one");
        grant.remove("targetGroup");
        grant.put("subject", "someone");
        assertThat(api().post("/api/v1/access/grants", ADMIN_TOKEN, grant).assertProblem(400).detail()).contains("user:<username>");
    }

    @Test
    void eachUserRegistersTheirOwnSshKeys() {
        String user = unique("key");
        api().createUser(ADMIN_TOKEN, user, PASSWORD, List.of("operator"), null);
        String token = api().login(user, PASSWORD);

        Api.Response added = api().post("/api/v1/access/ssh-keys", token, Map.of("publicKey", otherPublicKey));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("fingerprint").asString()).startsWith("SHA256:");
        assertThat(added.json().path("username").asString()).isEqualTo(user);
        assertThat(api().get("/api/v1/access/ssh-keys", token).json().size()).isEqualTo(1);
        assertThat(api().post("/api/v1/access/ssh-keys", token, Map.of("publicKey", otherPublicKey)).assertProblem(409).problemCode())
                .isEqualTo("duplicate");
        assertThat(api().delete("/api/v1/access/ssh-keys/" + added.text("id"), token).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/access/ssh-keys", token).json().size()).isZero();
        assertThat(api().post("/api/v1/access/ssh-keys", token, Map.of("publicKey", "hello")).assertProblem(400).problemCode()).isEqualTo("invalid-key");
        assertThat(api().get("/api/v1/access/ssh-keys?username=admin", token).status()).isEqualTo(403);
    }

    @Test
    void unknownSessionsAreNotFound() {
        assertThat(api().get("/api/v1/sessions/" + UUID.randomUUID(), ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/sessions/" + UUID.randomUUID() + "/recording", ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/sessions/" + UUID.randomUUID() + "/terminate", ADMIN_TOKEN, Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/sessions?limit=0", ADMIN_TOKEN).assertProblem(400).detail()).contains("limit");
        assertThat(api().get("/api/v1/sessions", ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/sessions?live=true&username=nobody", ADMIN_TOKEN).json().size()).isZero();
    }

    @Test
    void aTargetIsEditedKeepingOrReplacingItsPin() throws Exception {
        String name = unique("edit");
        UUID id = target(name);
        String pinned = api().get("/api/v1/access/targets/" + id, ADMIN_TOKEN).json().path("hostKeyFingerprint").asString();

        Api.Response edited = api().put("/api/v1/access/targets/" + id, ADMIN_TOKEN, Map.of("name", name + "-new", "host", "10.0.0.7",
                "port", 2200, "groups", List.of("db", "eu")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("name").asString()).isEqualTo(name + "-new");
        assertThat(edited.json().path("port").asInt()).isEqualTo(2200);
        assertThat(edited.json().path("groups").toString()).isEqualTo("[\"db\",\"eu\"]");
        assertThat(edited.json().path("hostKeyFingerprint").asString()).as("no hostKey given: the pin stays").isEqualTo(pinned);

        Api.Response repinned = api().put("/api/v1/access/targets/" + id, ADMIN_TOKEN, Map.of("name", name + "-new", "host", "10.0.0.7",
                "hostKey", otherPublicKey));
        assertThat(repinned.json().path("hostKeyFingerprint").asString()).startsWith("SHA256:").isNotEqualTo(pinned);
        assertThat(api().get("/api/v1/audit/records?action=access.target.update", ADMIN_TOKEN).body()).contains(name + "-new", "previousHostKey");

        String other = unique("taken");
        target(other);
        assertThat(api().put("/api/v1/access/targets/" + id, ADMIN_TOKEN, Map.of("name", other, "host", "h")).assertProblem(409)
                .problemCode()).isEqualTo("duplicate");
        assertThat(api().put("/api/v1/access/targets/" + id, ADMIN_TOKEN, Map.of("name", name, "host", "h", "port", 0))
                .assertProblem(400).detail()).contains("port");
        assertThat(api().put("/api/v1/access/targets/" + UUID.randomUUID(), ADMIN_TOKEN, Map.of("name", name, "host", "h")).status())
                .isEqualTo(404);
    }
}
