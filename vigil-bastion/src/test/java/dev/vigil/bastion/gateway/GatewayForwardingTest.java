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
import dev.vigil.testkit.ssh.TargetSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local port forwarding through the gateway with the real OpenSSH client: the connection to a TCP echo server behind
 * the target is opened from the target over the gateway's upstream connection, only with channel {@code forward} and
 * only to a granted destination; bytes each way reach the session's end record.
 */
class GatewayForwardingTest {

    @TempDir
    static Path dir;

    static GrantedGateway bastion;
    static TargetSshd sshd;
    static BastionGateway gateway;
    static EchoServer echo;
    static RecordingSink SINK;

    @BeforeAll
    static void start() throws Exception {
        echo = new EchoServer();
        bastion = new GrantedGateway(dir, Map.of("fwd", Set.of(ChannelKind.PORT_FORWARD), "shellonly", Set.of(ChannelKind.SHELL, ChannelKind.EXEC)),
                request -> request.kind() == ChannelKind.PORT_FORWARD && !request.command().orElse("").equals("127.0.0.1:" + echo.port())
                        ? "forwarding to " + request.command().orElse("") + " is not granted" : null);
        SINK = bastion.sink;
        sshd = bastion.sshd;
        gateway = bastion.gateway;
    }

    @AfterAll
    static void stop() throws Exception {
        if (bastion != null) {
            bastion.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private static String user(String target) {
        return bastion.user(target);
    }

    private static List<String> ssh(String... rest) {
        List<String> command = bastion.client("/usr/bin/ssh", "INFO");
        command.addAll(List.of(rest));
        return command;
    }

    @Test
    void stdioForwardingReachesTheEchoServerFromTheTargetAndCountsTheBytes() throws Exception {
        int before = SINK.opened.size();

        SshClientRun.Result result = SshClientRun.run(ssh("-W", "127.0.0.1:" + echo.port(), user("fwd") + "@127.0.0.1"), "ping through the target\n");

        assertThat(result.exitStatus()).as(result.stderr() + SINK.refusals).isZero();
        assertThat(result.stdout()).isEqualTo("ping through the target\n");
        SessionOpened opened = SINK.opened.get(before);
        assertThat(opened.kind()).isEqualTo(ChannelKind.PORT_FORWARD);
        assertThat(opened.command()).contains("127.0.0.1:" + echo.port());
        SessionClosed closed = SINK.awaitClosed(opened.sessionId());
        assertThat(closed.bytesToTarget()).isEqualTo(24);
        assertThat(closed.bytesFromTarget()).isEqualTo(24);
    }

    @Test
    void localForwardingWithSshMinusLWorksWithTheGrant() throws Exception {
        int local;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            local = free.getLocalPort();
        }
        Process tunnel = new ProcessBuilder(ssh("-N", "-L", "127.0.0.1:" + local + ":127.0.0.1:" + echo.port(), user("fwd") + "@127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("tunnel.log").toFile()).start();
        try {
            String echoed = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (echoed == null && System.nanoTime() < deadline) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), local)) {
                    socket.getOutputStream().write("hello -L\n".getBytes(StandardCharsets.UTF_8));
                    socket.shutdownOutput();
                    echoed = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException notListeningYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(echoed).as(Files.readString(dir.resolve("tunnel.log"))).isEqualTo("hello -L\n");
        } finally {
            tunnel.destroy();
            tunnel.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void forwardingWithoutTheChannelOrToAnotherDestinationIsRefused() throws Exception {
        SshClientRun.Result noChannel = SshClientRun.run(ssh("-W", "127.0.0.1:" + echo.port(), user("shellonly") + "@127.0.0.1"), "x\n");
        SshClientRun.Result otherDestination = SshClientRun.run(ssh("-W", "127.0.0.1:" + sshd.port(), user("fwd") + "@127.0.0.1"), "x\n");

        assertThat(noChannel.exitStatus()).isEqualTo(255);
        assertThat(noChannel.stderr()).contains("administratively prohibited");
        assertThat(noChannel.stdout()).isEmpty();
        assertThat(otherDestination.exitStatus()).isEqualTo(255);
        assertThat(otherDestination.stderr()).contains("administratively prohibited");
        assertThat(otherDestination.stdout()).as("the target's sshd banner never arrives").doesNotContain("SSH-2.0");
        assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for alice on shellonly (forward)"))
                .anyMatch(r -> r.contains("forwarding to 127.0.0.1:" + sshd.port() + " is not granted"));
    }

    @Test
    void remoteForwardingWithoutItsChannelIsRefused() {
        SshClientRun.Result remote = SshClientRun.run(ssh("-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:" + echo.port(),
                user("fwd") + "@127.0.0.1", "true"), null);

        assertThat(remote.exitStatus()).isEqualTo(255);
        assertThat(remote.stderr()).contains("remote port forwarding failed");
    }
}
