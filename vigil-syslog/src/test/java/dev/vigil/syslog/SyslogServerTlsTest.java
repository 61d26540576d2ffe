package dev.vigil.syslog;

import static dev.vigil.syslog.SyslogClients.LOOPBACK;
import static dev.vigil.syslog.SyslogClients.closedByServer;
import static dev.vigil.syslog.SyslogClients.octetCounted;
import static dev.vigil.syslog.SyslogClients.tls;
import static dev.vigil.syslog.SyslogClients.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SyslogServerTlsTest {

    @TempDir
    static Path certificates;
    private static TestCertificates.Pem serverPem;
    private static TestCertificates.Pem clientPem;

    private final RecordingReceiver receiver = new RecordingReceiver();
    private SyslogServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverPem = TestCertificates.selfSigned(certificates, "localhost");
        clientPem = TestCertificates.selfSigned(certificates, "sender");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsBothFramingsOverTls() throws Exception {
        int port = start(false);
        try (SSLSocket client = tls(TestCertificates.clientTrusting(serverPem.certificate()), port)) {
            write(client, octetCounted("<13>1 - host app - - - octets\nwith a newline") + "<13>line\n");
            assertThat(receiver.awaitMessages(2)).containsExactly("<13>1 - host app - - - octets\nwith a newline",
                    "<13>line");
            assertThat(client.getSession().getProtocol()).isIn(StreamServerSockets.TLS_PROTOCOLS);
        }
        assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.transport()).isEqualTo(Transport.TLS));
        assertThat(server.counters().tls().received()).isEqualTo(2);
    }

    @Test
    void speaksTlsOnePointTwoToo() throws Exception {
        int port = start(false);
        SSLContext client = TestCertificates.clientTrusting(serverPem.certificate());
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            write(socket, "<13>over 1.2\n");
            assertThat(receiver.awaitMessages(1)).containsExactly("<13>over 1.2");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void enablesNoProtocolOlderThanTlsOnePointTwo() throws Exception {
        TlsSettings tls = new TlsSettings(PemSslContexts.serverContext(serverPem.certificate(),
                serverPem.privateKey()), false);
        try (SSLServerSocket socket = (SSLServerSocket) StreamServerSockets.tls(
                new InetSocketAddress(LOOPBACK, 0), tls)) {
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(socket.getNeedClientAuth()).isFalse();
        }
    }

    @Test
    void admitsAClientWithATrustedCertificateWhenOneIsRequired() throws Exception {
        int port = start(true);
        try (SSLSocket client = tls(TestCertificates.clientPresenting(clientPem, serverPem.certificate()), port)) {
            write(client, "<13>mutual\n");
            assertThat(receiver.awaitMessages(1)).containsExactly("<13>mutual");
        }
    }

    @Test
    void turnsAwayAClientWithoutACertificateWhenOneIsRequired() throws Exception {
        int port = start(true);
        try (SSLSocket client = (SSLSocket) TestCertificates.clientTrusting(serverPem.certificate())
                .getSocketFactory().createSocket("localhost", port)) {
            assertThat(refused(client)).isTrue();
        }
        Await.until("the refused handshake to be counted", () -> server.counters().tls().rejectedConnections(),
                rejected -> rejected == 1);
        assertThat(receiver.messages()).isEmpty();
    }

    /** With TLS 1.3 a client may learn of the refusal only once it writes or reads after its side of the handshake. */
    private static boolean refused(SSLSocket client) {
        try {
            client.startHandshake();
            write(client, "<13>anonymous\n");
            return closedByServer(client);
        } catch (IOException e) {
            return true;
        }
    }

    private int start(boolean requireClientCertificate) throws IOException {
        Path trusted = requireClientCertificate ? clientPem.certificate() : null;
        SSLContext context = PemSslContexts.serverContext(serverPem.certificate(), serverPem.privateKey(), trusted);
        server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withTls(0, new TlsSettings(context, requireClientCertificate)), receiver);
        return server.start().tls();
    }
}
