package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.vigil.testkit.ssh.SshClientRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent forwarding ({@code ssh -A}) and remote port forwarding ({@code ssh -R}) through the gateway with the real
 * OpenSSH client and a real sshd as the target: the target uses the operator's own ssh-agent (the gateway holds no
 * key), and a listener on the target reaches a server on the operator's side; each only with its grant channel and,
 * for remote forwards, only for a granted bind.
 */
class GatewayAgentAndRemoteForwardingTest {

    @TempDir
    static Path dir;

    static GrantedGateway bastion;
    static RecordingSink SINK;
    static EchoServer echo;
    static Process agent;
    static Path agentSocket;
    static int grantedBind;
    static int revokedBind;
    static volatile boolean revoked;

    @BeforeAll
    static void start() throws Exception {
        echo = new EchoServer();
        grantedBind = freePort();
        revokedBind = freePort();
        bastion = new GrantedGateway(dir, Map.of(
                "agent", Set.of(ChannelKind.SHELL, ChannelKind.EXEC, ChannelKind.AGENT_FORWARD),
                "remote", Set.of(ChannelKind.SHELL, ChannelKind.EXEC, ChannelKind.REMOTE_FORWARD),
                "plain", Set.of(ChannelKind.SHELL, ChannelKind.EXEC)),
                request -> request.kind() != ChannelKind.REMOTE_FORWARD ? null
                        : request.command().orElse("").equals("127.0.0.1:" + grantedBind) ? null
                        : request.command().orElse("").equals("127.0.0.1:" + revokedBind) && !revoked ? null
                        : "no grant for the bind " + request.command().orElse(""));
        SINK = bastion.sink;
        agentSocket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(agentSocket) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Path operatorKey = SshClientRun.generateKey(dir, "operator-agent-key");
        ProcessBuilder add = new ProcessBuilder("ssh-add", operatorKey.toString()).redirectErrorStream(true);
        add.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
        Process adding = add.start();
        String added = new String(adding.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(adding.waitFor(10, TimeUnit.SECONDS) && adding.exitValue() == 0).as(added).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
        if (bastion != null) {
            bastion.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    private static List<String> ssh(String... rest) {
        List<String> command = bastion.client("/usr/bin/ssh", "ERROR");
        command.addAll(List.of(rest));
        return command;
    }

    private static String user(String target) {
        return bastion.user(target) + "@127.0.0.1";
    }

    @Test
    void withAgentForwardingGrantedTheTargetListsTheKeyOfTheOperatorsAgent() throws Exception {
        SshClientRun.Result result = withAgent(ssh("-A", user("agent"), "ssh-add -l"));

        assertThat(result.exitStatus()).as(result.stderr() + SINK.refusals).isZero();
        assertThat(result.stdout()).contains("operator-agent-key").contains("ED25519");
        SessionOpened exec = SINK.opened.stream().filter(o -> o.kind() == ChannelKind.EXEC && o.target().targetName().equals("agent"))
                .reduce((a, b) -> b).orElseThrow();
        SessionOpened used = SINK.opened.stream().filter(o -> o.kind() == ChannelKind.AGENT_FORWARD).reduce((a, b) -> b).orElseThrow();
        assertThat(used.command()).contains("agent, for session " + exec.sessionId());
        assertThat(used.connectionId()).isEqualTo(exec.connectionId());
        SessionClosed closed = SINK.awaitClosed(used.sessionId());
        assertThat(closed.bytesToTarget()).as("the agent's answer with the key").isGreaterThan(0);
        assertThat(closed.bytesFromTarget()).as("ssh-add's request").isGreaterThan(0);
    }

    @Test
    void withoutTheGrantTheTargetHasNoAgentAndTheRefusalIsRecorded() {
        SshClientRun.Result result = withAgent(ssh("-A", user("plain"), "ssh-add -l"));

        assertThat(result.exitStatus()).as("ssh-add cannot reach an agent").isEqualTo(2);
        assertThat(result.stdout()).doesNotContain("operator-agent-key");
        assertThat(result.stderr()).contains("vigil: agent forwarding refused");
        assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for alice on plain (agent-forward)"));
    }

    @Test
    void aGrantedRemoteForwardListensOnTheTargetAndReachesTheOperatorsSide() throws Exception {
        Process tunnel = new ProcessBuilder(ssh("-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:" + grantedBind + ":127.0.0.1:" + echo.port(),
                user("remote"))).redirectErrorStream(true).redirectOutput(dir.resolve("remote.log").toFile()).start();
        String echoed;
        try {
            echoed = exchangeWhenListening(grantedBind, "hello -R\n");
            assertThat(echoed).as(Files.readString(dir.resolve("remote.log")) + SINK.refusals).isEqualTo("hello -R\n");
        } finally {
            tunnel.destroy();
            tunnel.waitFor(5, TimeUnit.SECONDS);
        }
        SessionOpened listener = SINK.opened.stream().filter(o -> o.command().equals(java.util.Optional.of("listen 127.0.0.1:" + grantedBind)))
                .findFirst().orElseThrow();
        assertThat(listener.kind()).isEqualTo(ChannelKind.REMOTE_FORWARD);
        SessionOpened connection = SINK.opened.stream().filter(o -> o.kind() == ChannelKind.REMOTE_FORWARD
                && o.command().orElse("").startsWith("127.0.0.1:" + grantedBind + " from 127.0.0.1:")).findFirst().orElseThrow();
        SessionClosed closed = SINK.awaitClosed(connection.sessionId());
        assertThat(closed.bytesToTarget()).isEqualTo(9);
        assertThat(closed.bytesFromTarget()).isEqualTo(9);
        assertThat(SINK.awaitClosed(listener.sessionId())).as("the listener ends with the operator's connection").isNotNull();
        assertThat(listeningAfterTeardown(grantedBind)).as("the target no longer listens").isFalse();
    }

    @Test
    void aRevokedGrantRemovesTheListenerFromTheTarget() throws Exception {
        Process tunnel = new ProcessBuilder(ssh("-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:" + revokedBind + ":127.0.0.1:" + echo.port(),
                user("remote"))).redirectErrorStream(true).redirectOutput(dir.resolve("revoked.log").toFile()).start();
        try {
            assertThat(exchangeWhenListening(revokedBind, "before\n")).isEqualTo("before\n");
            SessionOpened listener = SINK.opened.stream().filter(o -> o.command().equals(java.util.Optional.of("listen 127.0.0.1:" + revokedBind)))
                    .findFirst().orElseThrow();

            revoked = true;

            SessionClosed ended = SINK.awaitClosed(listener.sessionId());
            assertThat(ended).isNotNull();
            assertThat(ended.terminatedBy()).contains("no grant for the bind 127.0.0.1:" + revokedBind);
            assertThat(listeningAfterTeardown(revokedBind)).as("the target no longer listens").isFalse();
            assertThat(tunnel.isAlive()).as("the operator's connection itself stays").isTrue();
        } finally {
            tunnel.destroy();
            tunnel.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRemoteForwardWithoutTheChannelOrForAnotherBindIsRefused() throws Exception {
        int other = freePort();
        SshClientRun.Result otherBind = SshClientRun.run(ssh("-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:" + other + ":127.0.0.1:" + echo.port(),
                user("remote"), "true"), null);
        SshClientRun.Result noChannel = SshClientRun.run(ssh("-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:" + grantedBind + ":127.0.0.1:"
                + echo.port(), user("plain"), "true"), null);

        assertThat(otherBind.exitStatus()).isEqualTo(255);
        assertThat(otherBind.stderr()).contains("remote port forwarding failed");
        assertThat(noChannel.exitStatus()).isEqualTo(255);
        assertThat(noChannel.stderr()).contains("remote port forwarding failed");
        assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for the bind 127.0.0.1:" + other))
                .anyMatch(r -> r.contains("no grant for alice on plain (remote-forward)"));
        assertThat(canConnect(other)).as("nothing listens on the refused bind").isFalse();
    }

    /** The client with the test's ssh-agent as the operator's agent. */
    private static SshClientRun.Result withAgent(List<String> command) {
        return SshClientRun.run(command, null, java.time.Duration.ofSeconds(60), Map.of("SSH_AUTH_SOCK", agentSocket.toString()));
    }

    /** Sends a line through the port once something listens there (the client sets the forward up after logging in). */
    private static String exchangeWhenListening(int port, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException notListeningYet) {
                Thread.sleep(100);
            }
        }
        return null;
    }

    /** Whether the port still accepts connections once the teardown had up to 10 s. */
    private static boolean listeningAfterTeardown(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (canConnect(port) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return canConnect(port);
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
