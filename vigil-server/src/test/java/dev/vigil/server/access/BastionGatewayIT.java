package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.support.Api;
import dev.vigil.server.support.ServerJar;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The issue's check, end to end with real parts: {@code vigil serve --ssh-port N} (the built jar), a real sshd on
 * loopback as the target, and the real OpenSSH client. Everything is set up through the HTTP API as an administrator
 * and an operator would do it.
 */
@Tag("e2e")
class BastionGatewayIT {

    private static final String ADMIN_TOKEN = "vgl_bastion-it-bootstrap-admin-token-0123456789";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    static TargetSshd sshd;
    static Process server;
    static Path dir;
    static Api api;
    static int sshPort;
    static Path aliceKey;
    static Path bobKey;
    static UUID aliceId;
    static UUID targetId;

    @BeforeAll
    static void start() throws Exception {
        sshd = TargetSshd.start();
        dir = Files.createTempDirectory("vigil-bastion-it");
        int httpPort = ServerJar.freePort();
        sshPort = ServerJar.freePort();
        server = ServerJar.start(dir.resolve("data"), httpPort, dir.resolve("server.log"), Map.of("VIGIL_BOOTSTRAP_API_TOKEN", ADMIN_TOKEN),
                List.of("--ssh-port", String.valueOf(sshPort)));
        ServerJar.awaitReady(httpPort);
        api = new Api(httpPort);

        aliceId = api.createUser(ADMIN_TOKEN, "alice", PASSWORD, List.of("operator"), null);
        api.createUser(ADMIN_TOKEN, "bob", PASSWORD, List.of("operator"), null);
        aliceKey = SshClientRun.generateKey(dir, "alice_key");
        bobKey = SshClientRun.generateKey(dir, "bob_key");
        registerOwnKey("alice", aliceKey);
        registerOwnKey("bob", bobKey);

        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "web01", "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey(), "groups", List.of("web")));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        targetId = UUID.fromString(target.text("id"));
        Api.Response account = api.post("/api/v1/access/targets/" + targetId + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey()));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:alice");
        grant.put("target", "web01");
        grant.put("account", sshd.account());
        grant.put("channels", List.of("shell", "exec"));
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        grant.put("reason", "IT");
        Api.Response granted = api.post("/api/v1/access/grants", ADMIN_TOKEN, grant);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    private static void registerOwnKey(String username, Path key) throws Exception {
        String token = api.login(username, PASSWORD);
        Api.Response response = api.post("/api/v1/access/ssh-keys", token, Map.of("publicKey", Files.readString(key.resolveSibling(key.getFileName() + ".pub"))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static String address(String operator) {
        return operator + "%" + sshd.account() + "%web01";
    }

    @Test
    void anOperatorWithAKeyAndAGrantRunsACommandThatIsRecordedAndListed() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, sshPort, address("alice"), "echo hello; exit 3");

        assertThat(result.stdout()).as(result.stderr()).isEqualTo("hello\n");
        assertThat(result.exitStatus()).isEqualTo(3);
        JsonNode session = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> findSession("echo hello; exit 3"),
                found -> found != null && !found.path("endedAt").isNull());
        assertThat(session.path("username").asString()).isEqualTo("alice");
        assertThat(session.path("target").asString()).isEqualTo("web01");
        assertThat(session.path("account").asString()).isEqualTo(sshd.account());
        assertThat(session.path("kind").asString()).isEqualTo("exec");
        assertThat(session.path("exitStatus").asInt()).isEqualTo(3);
        String id = session.path("id").asString();

        Api.Response recording = api.get("/api/v1/sessions/" + id + "/recording", ADMIN_TOKEN);
        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.contentType()).startsWith("application/x-asciicast");
        String[] lines = recording.body().split("\n");
        JsonNode header = Api.JSON.readTree(lines[0]);
        assertThat(header.path("version").asInt()).isEqualTo(2);
        StringBuilder output = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            JsonNode event = Api.JSON.readTree(lines[i]);
            if (event.get(1).asString().equals("o")) {
                output.append(event.get(2).asString());
            }
        }
        assertThat(output.toString()).isEqualTo("hello\n");
        assertThat(session.path("recordingSha256").asString()).isEqualTo(sha256(recording.body()));

        Api.Response commands = api.get("/api/v1/sessions/" + id + "/commands", ADMIN_TOKEN);
        assertThat(commands.json().get(0).path("command").asString()).isEqualTo("echo hello; exit 3");
        Api.Response detail = api.get("/api/v1/sessions/" + id, ADMIN_TOKEN);
        assertThat(detail.json().path("commands").get(0).path("command").asString()).isEqualTo("echo hello; exit 3");
        assertThat(sshd.log()).contains("Accepted publickey for " + sshd.account());
    }

    @Test
    void theCommandPolicyStopsADeniedExecCommandBeforeTheTargetAndFlagsAWarnedOne() throws Exception {
        Path victim = Files.writeString(dir.resolve("policy-victim.txt"), "keep me");
        Path made = dir.resolve("policy-made.txt");
        Api.Response deny = api.post("/api/v1/access/command-rules", ADMIN_TOKEN, Map.of("name", "it-no-rm", "priority", 10, "targetGroup", "web",
                "programs", List.of("rm"), "action", "deny"));
        Api.Response warn = api.post("/api/v1/access/command-rules", ADMIN_TOKEN, Map.of("name", "it-touch", "priority", 20, "targetGroup", "web",
                "pattern", "^touch ", "action", "warn"));
        assertThat(deny.status()).as(deny.body()).isEqualTo(201);
        assertThat(warn.status()).as(warn.body()).isEqualTo(201);
        try {
            String command = "echo go; sudo -n true || \\rm -f " + victim;
            SshClientRun.Result denied = SshClientRun.ssh(aliceKey, sshPort, address("alice"), command);

            assertThat(denied.exitStatus()).as(denied.stderr()).isEqualTo(126);
            assertThat(denied.stderr()).contains("denied by the command policy").contains("rule it-no-rm");
            assertThat(denied.stdout()).doesNotContain("go");
            assertThat(victim).as("the target never ran it").exists().hasContent("keep me");
            JsonNode session = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> findSession(command),
                    found -> found != null && !found.path("endedAt").isNull());
            assertThat(session.path("exitStatus").asInt()).isEqualTo(126);
            JsonNode recorded = api.get("/api/v1/sessions/" + session.path("id").asString() + "/commands", ADMIN_TOKEN).json().get(0);
            assertThat(recorded.path("decision").asString()).isEqualTo("denied");
            assertThat(recorded.path("ran").asBoolean()).isFalse();
            assertThat(recorded.path("ruleId").asString()).isEqualTo(deny.text("id"));
            assertThat(recorded.path("reasons").toString()).contains("it-no-rm");
            assertThat(api.get("/api/v1/audit/records?action=access.session.command.refused", ADMIN_TOKEN).body()).contains(victim.toString());

            SshClientRun.Result warned = SshClientRun.ssh(aliceKey, sshPort, address("alice"), "touch " + made);
            assertThat(warned.exitStatus()).as(warned.stderr()).isZero();
            assertThat(made).exists();
            JsonNode warnedSession = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> findSession("touch " + made),
                    found -> found != null && !found.path("endedAt").isNull());
            JsonNode warnedCommand = api.get("/api/v1/sessions/" + warnedSession.path("id").asString() + "/commands", ADMIN_TOKEN).json().get(0);
            assertThat(warnedCommand.path("decision").asString()).isEqualTo("warned");
            assertThat(warnedCommand.path("ruleId").asString()).isEqualTo(warn.text("id"));
        } finally {
            api.delete("/api/v1/access/command-rules/" + deny.text("id"), ADMIN_TOKEN);
            api.delete("/api/v1/access/command-rules/" + warn.text("id"), ADMIN_TOKEN);
        }
    }

    @Test
    void sftpAndLegacyScpNeedTheirChannelAndEachFileIsAuditedWithItsSha256() throws Exception {
        byte[] content = new byte[654_321];
        new java.util.Random(11).nextBytes(content);
        Path local = Files.write(dir.resolve("transfer-local.bin"), content);
        Path remote = dir.resolve("transfer-remote.bin");
        Path back = dir.resolve("transfer-back.bin");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        Path batch = Files.writeString(dir.resolve("transfer.batch"), "put " + local + " " + remote + "\nget " + remote + " " + back + "\n");
        List<String> sftp = List.of("/usr/bin/sftp", "-F", "/dev/null", "-P", String.valueOf(sshPort), "-i", aliceKey.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-b", batch.toString(), address("alice") + "@127.0.0.1");

        SshClientRun.Result refused = SshClientRun.run(sftp, null);
        assertThat(refused.exitStatus()).isNotZero();
        assertThat(remote).doesNotExist();
        assertThat(api.get("/api/v1/audit/records?action=access.session.refused", ADMIN_TOKEN).body()).contains("(sftp)");

        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:alice");
        grant.put("target", "web01");
        grant.put("account", sshd.account());
        grant.put("channels", List.of("sftp", "scp"));
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        Api.Response granted = api.post("/api/v1/access/grants", ADMIN_TOKEN, grant);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        try {
            int sessionsBefore = api.get("/api/v1/sessions?limit=500", ADMIN_TOKEN).json().size();
            SshClientRun.Result result = SshClientRun.run(sftp, null);
            assertThat(result.exitStatus()).as(result.stdout() + result.stderr()).isZero();
            assertThat(back).hasBinaryContent(content);
            JsonNode session = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> newestSession(sessionsBefore, "sftp"),
                    found -> found != null && !found.path("endedAt").isNull());
            JsonNode transfers = api.get("/api/v1/sessions/" + session.path("id").asString() + "/transfers", ADMIN_TOKEN).json();
            assertThat(transfers.size()).as(transfers.toString()).isEqualTo(2);
            assertThat(transfers.get(0).path("operation").asString()).isEqualTo("upload");
            assertThat(transfers.get(1).path("operation").asString()).isEqualTo("download");
            for (JsonNode transfer : transfers) {
                assertThat(transfer.path("path").asString()).isEqualTo(remote.toString());
                assertThat(transfer.path("bytes").asLong()).isEqualTo(content.length);
                assertThat(transfer.path("sha256").asString()).isEqualTo(expected);
                assertThat(transfer.path("outcome").asString()).isEqualTo("ok");
            }
            assertThat(api.get("/api/v1/sessions/" + session.path("id").asString(), ADMIN_TOKEN).json().path("transfers").size()).isEqualTo(2);
            String audit = api.get("/api/v1/audit/records?action=access.session.transfer", ADMIN_TOKEN).body();
            assertThat(audit).contains(expected).contains("upload").contains("download");

            Path legacy = dir.resolve("transfer-legacy.bin");
            List<String> scp = List.of("/usr/bin/scp", "-O", "-F", "/dev/null", "-P", String.valueOf(sshPort), "-i", aliceKey.toString(),
                    "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", local.toString(), address("alice") + "@127.0.0.1:" + legacy);
            int beforeScp = api.get("/api/v1/sessions?limit=500", ADMIN_TOKEN).json().size();
            SshClientRun.Result copied = SshClientRun.run(scp, null);
            assertThat(copied.exitStatus()).as(copied.stderr()).isZero();
            assertThat(legacy).hasBinaryContent(content);
            JsonNode scpSession = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> newestSession(beforeScp, "scp"),
                    found -> found != null && !found.path("endedAt").isNull());
            JsonNode scpTransfer = api.get("/api/v1/sessions/" + scpSession.path("id").asString() + "/transfers", ADMIN_TOKEN).json().get(0);
            assertThat(scpTransfer.path("operation").asString()).isEqualTo("upload");
            assertThat(scpTransfer.path("sha256").asString()).isEqualTo(expected);
        } finally {
            api.delete("/api/v1/access/grants/" + granted.text("id"), ADMIN_TOKEN);
        }
    }

    @Test
    void aForwardReachesOnlyTheGrantsDestinationFromTheTarget() throws Exception {
        try (java.net.ServerSocket echo = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = echo.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (java.io.IOException closed) {
                    // the test ended
                }
            });
            String destination = "127.0.0.1:" + echo.getLocalPort();
            List<String> forward = List.of("/usr/bin/ssh", "-F", "/dev/null", "-p", String.valueOf(sshPort), "-i", aliceKey.toString(),
                    "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=INFO", "-W", destination, address("alice") + "@127.0.0.1");

            SshClientRun.Result withoutGrant = SshClientRun.run(forward, "nope\n");
            assertThat(withoutGrant.exitStatus()).isEqualTo(255);
            assertThat(withoutGrant.stderr()).contains("administratively prohibited");

            Map<String, Object> grant = new LinkedHashMap<>();
            grant.put("subject", "user:alice");
            grant.put("target", "web01");
            grant.put("account", sshd.account());
            grant.put("channels", List.of("forward"));
            grant.put("destinations", List.of(destination));
            grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
            Api.Response granted = api.post("/api/v1/access/grants", ADMIN_TOKEN, grant);
            assertThat(granted.status()).as(granted.body()).isEqualTo(201);
            try {
                SshClientRun.Result echoed = SshClientRun.run(forward, "through web01\n");
                assertThat(echoed.exitStatus()).as(echoed.stderr()).isZero();
                assertThat(echoed.stdout()).isEqualTo("through web01\n");
                List<String> elsewhere = new ArrayList<>(forward);
                elsewhere.set(elsewhere.indexOf(destination), "127.0.0.1:" + sshd.port());
                SshClientRun.Result refused = SshClientRun.run(elsewhere, "SSH-2.0-x\r\n");
                assertThat(refused.exitStatus()).isEqualTo(255);
                assertThat(refused.stdout()).doesNotContain("SSH-2.0");
                Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        api.get("/api/v1/audit/records?action=access.session.end", ADMIN_TOKEN).body()).contains("bytesToTarget"));
                assertThat(api.get("/api/v1/audit/records?action=access.session.refused", ADMIN_TOKEN).body())
                        .contains("(forward to 127.0.0.1:" + sshd.port() + ")");
            } finally {
                api.delete("/api/v1/access/grants/" + granted.text("id"), ADMIN_TOKEN);
            }
        }
    }

    @Test
    void agentAndRemoteForwardingNeedTheirGrantChannelsAndAreListedAsSessions() throws Exception {
        Path agentSocket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        int bind;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            bind = free.getLocalPort();
        }
        try (java.net.ServerSocket echo = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = echo.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (java.io.IOException closed) {
                    // the test ended
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(agentSocket));
            Path operatorKey = SshClientRun.generateKey(dir, "operator_agent_key");
            ProcessBuilder add = new ProcessBuilder("ssh-add", operatorKey.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
            assertThat(add.start().waitFor()).isZero();
            List<String> client = List.of("/usr/bin/ssh", "-F", "/dev/null", "-p", String.valueOf(sshPort), "-i", aliceKey.toString(),
                    "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", "-o", "ExitOnForwardFailure=yes");
            List<String> useAgent = new ArrayList<>(client);
            useAgent.addAll(List.of("-A", address("alice") + "@127.0.0.1", "ssh-add -l"));
            List<String> listen = new ArrayList<>(client);
            listen.addAll(List.of("-N", "-R", "127.0.0.1:" + bind + ":127.0.0.1:" + echo.getLocalPort(), address("alice") + "@127.0.0.1"));
            Map<String, String> withAgent = Map.of("SSH_AUTH_SOCK", agentSocket.toString());

            SshClientRun.Result noAgent = SshClientRun.run(useAgent, null, Duration.ofSeconds(60), withAgent);
            assertThat(noAgent.exitStatus()).as(noAgent.stderr()).isEqualTo(2);
            assertThat(noAgent.stderr()).contains("agent forwarding refused");
            assertThat(api.get("/api/v1/audit/records?action=access.session.refused", ADMIN_TOKEN).body()).contains("(agent-forward)");

            Map<String, Object> grant = new LinkedHashMap<>();
            grant.put("subject", "user:alice");
            grant.put("target", "web01");
            grant.put("account", sshd.account());
            grant.put("channels", List.of("agent-forward", "remote-forward"));
            grant.put("binds", List.of("127.0.0.1:" + bind));
            grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
            Api.Response granted = api.post("/api/v1/access/grants", ADMIN_TOKEN, grant);
            assertThat(granted.status()).as(granted.body()).isEqualTo(201);
            Process tunnel = null;
            try {
                SshClientRun.Result signed = SshClientRun.run(useAgent, null, Duration.ofSeconds(60), withAgent);
                assertThat(signed.exitStatus()).as(signed.stderr()).isZero();
                assertThat(signed.stdout()).contains("operator_agent_key");

                tunnel = new ProcessBuilder(listen).redirectErrorStream(true).redirectOutput(dir.resolve("tunnel.log").toFile()).start();
                int port = bind;
                String echoed = Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
                    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                        socket.getOutputStream().write("through the target\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        socket.shutdownOutput();
                        return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }, "through the target\n"::equals);
                assertThat(echoed).isEqualTo("through the target\n");
                Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        api.get("/api/v1/audit/records?action=access.session.end", ADMIN_TOKEN).body()).contains("127.0.0.1:" + bind + " from 127.0.0.1:"));
                JsonNode sessions = api.get("/api/v1/sessions?limit=500", ADMIN_TOKEN).json();
                List<String> forwarding = new ArrayList<>();
                sessions.forEach(node -> forwarding.add(node.path("kind").asString() + " " + node.path("command").asString()));
                assertThat(forwarding).anyMatch(line -> line.startsWith("agent-forward agent, for session "))
                        .contains("remote-forward listen 127.0.0.1:" + bind)
                        .anyMatch(line -> line.startsWith("remote-forward 127.0.0.1:" + bind + " from 127.0.0.1:"));
            } finally {
                if (tunnel != null) {
                    tunnel.destroy();
                    tunnel.waitFor(5, TimeUnit.SECONDS);
                }
                api.delete("/api/v1/access/grants/" + granted.text("id"), ADMIN_TOKEN);
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The newest session of a kind once more than {@code before} sessions exist. */
    private static JsonNode newestSession(int before, String kind) {
        JsonNode sessions = api.get("/api/v1/sessions?limit=500", ADMIN_TOKEN).json();
        if (sessions.size() <= before) {
            return null;
        }
        for (JsonNode node : sessions) {
            if (kind.equals(node.path("kind").asString())) {
                return node;
            }
        }
        return null;
    }

    @Test
    void anOperatorWithoutAGrantIsRefused() {
        SshClientRun.Result result = SshClientRun.ssh(bobKey, sshPort, address("bob"), "echo hello");

        assertThat(result.exitStatus()).isEqualTo(126);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("no grant for bob on web01");
        Api.Response audit = api.get("/api/v1/audit/records?action=access.session.refused", ADMIN_TOKEN);
        assertThat(audit.body()).contains("no grant for bob on web01");
    }

    @Test
    void theVaultedCredentialIsNeverReturned() {
        Api.Response target = api.get("/api/v1/access/targets/" + targetId, ADMIN_TOKEN);

        assertThat(target.status()).isEqualTo(200);
        assertThat(target.json().path("accounts").get(0).path("credentialKind").asString()).isEqualTo("private-key");
        assertThat(target.body()).doesNotContain("PRIVATE KEY").doesNotContain(sshd.accountPrivateKey().lines().skip(1).findFirst().orElseThrow());
        assertThat(api.get("/api/v1/access/targets", ADMIN_TOKEN).body()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void anAdministratorKillsALiveSession() throws Exception {
        CompletableFuture<SshClientRun.Result> running = CompletableFuture.supplyAsync(
                () -> SshClientRun.ssh(aliceKey, sshPort, address("alice"), "echo started; sleep 40"));
        JsonNode live = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> findSession("echo started; sleep 40"),
                found -> found != null && found.path("live").asBoolean());

        Api.Response killed = api.post("/api/v1/sessions/" + live.path("id").asString() + "/terminate", ADMIN_TOKEN, Map.of("reason", "IT kill"));

        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        SshClientRun.Result result = running.get(20, TimeUnit.SECONDS);
        assertThat(result.exitStatus()).isEqualTo(255);
        assertThat(result.stderr()).contains("session terminated: terminated by admin: IT kill");
        JsonNode ended = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> findSession("echo started; sleep 40"),
                found -> !found.path("endedAt").isNull());
        assertThat(ended.path("terminatedBy").asString()).contains("IT kill");
    }

    @Test
    void disablingAUserCutsOffTheirLiveSession() throws Exception {
        UUID carol = api.createUser(ADMIN_TOKEN, "carol", PASSWORD, List.of("operator"), null);
        Path carolKey = SshClientRun.generateKey(dir, "carol_key");
        registerOwnKey("carol", carolKey);
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:carol");
        grant.put("targetGroup", "web");
        grant.put("account", sshd.account());
        grant.put("channels", List.of("exec"));
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(api.post("/api/v1/access/grants", ADMIN_TOKEN, grant).status()).isEqualTo(201);
        CompletableFuture<SshClientRun.Result> running = CompletableFuture.supplyAsync(
                () -> SshClientRun.ssh(carolKey, sshPort, "carol%web01", "echo carol; sleep 40"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> findSession("echo carol; sleep 40"),
                found -> found != null && found.path("live").asBoolean());

        long disabledAt = System.nanoTime();
        assertThat(api.patch("/api/v1/users/" + carol, ADMIN_TOKEN, Map.of("enabled", false)).status()).isEqualTo(200);

        SshClientRun.Result result = running.get(20, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - disabledAt)).isLessThan(10);
        assertThat(result.exitStatus()).isNotZero();
        SshClientRun.Result again = SshClientRun.ssh(carolKey, sshPort, "carol%web01", "echo again");
        assertThat(again.exitStatus()).isEqualTo(255);
        assertThat(again.stderr()).contains("Permission denied");
    }

    private static JsonNode findSession(String command) {
        Api.Response sessions = api.get("/api/v1/sessions?limit=500", ADMIN_TOKEN);
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        List<JsonNode> matching = new ArrayList<>();
        sessions.json().forEach(node -> {
            if (command.equals(node.path("command").asString(null))) {
                matching.add(node);
            }
        });
        return matching.isEmpty() ? null : matching.get(0);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHostKeySeenOnFirstUseIsPinnedOnlyAfterAnAdministratorConfirmsIt() {
        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "web02", "host", "127.0.0.1", "port", sshd.port()));
        UUID id = UUID.fromString(target.text("id"));
        api.post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey()));
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:alice");
        grant.put("target", "web02");
        grant.put("account", sshd.account());
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(api.post("/api/v1/access/grants", ADMIN_TOKEN, grant).status()).isEqualTo(201);

        SshClientRun.Result first = SshClientRun.ssh(aliceKey, sshPort, "alice%" + sshd.account() + "%web02", "echo hello");
        assertThat(first.exitStatus()).isEqualTo(126);
        assertThat(first.stderr()).contains("not confirmed yet");
        String pending = api.get("/api/v1/access/targets/" + id, ADMIN_TOKEN).json().path("pendingHostKeyFingerprint").asString();
        assertThat(pending).startsWith("SHA256:");
        assertThat(api.post("/api/v1/access/targets/" + id + "/host-key/confirm", ADMIN_TOKEN, Map.of("fingerprint", "SHA256:other"))
                .assertProblem(409).problemCode()).isEqualTo("fingerprint-mismatch");
        assertThat(api.post("/api/v1/access/targets/" + id + "/host-key/confirm", ADMIN_TOKEN, Map.of("fingerprint", pending)).status()).isEqualTo(200);

        SshClientRun.Result after = SshClientRun.ssh(aliceKey, sshPort, "alice%" + sshd.account() + "%web02", "echo hello");
        assertThat(after.exitStatus()).as(after.stderr()).isZero();
        assertThat(after.stdout()).isEqualTo("hello\n");
    }

    @Test
    void aChangedHostKeyIsRefusedAndRaisesAnAlert() throws Exception {
        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "web03", "host", "127.0.0.1", "port", sshd.port(),
                "hostKey", Files.readString(aliceKey.resolveSibling(aliceKey.getFileName() + ".pub"))));
        UUID id = UUID.fromString(target.text("id"));
        api.post("/api/v1/access/targets/" + id + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey()));
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("subject", "user:alice");
        grant.put("target", "web03");
        grant.put("account", sshd.account());
        grant.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(api.post("/api/v1/access/grants", ADMIN_TOKEN, grant).status()).isEqualTo(201);

        SshClientRun.Result result = SshClientRun.ssh(aliceKey, sshPort, "alice%" + sshd.account() + "%web03", "echo hello");

        assertThat(result.exitStatus()).isEqualTo(126);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("host key of web03 has CHANGED");
        Api.Response alerts = api.get("/api/v1/alerts", ADMIN_TOKEN);
        assertThat(alerts.body()).contains("Host key of bastion target web03 changed");
    }
}
