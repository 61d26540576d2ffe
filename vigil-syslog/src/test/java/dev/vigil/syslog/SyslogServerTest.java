package dev.vigil.syslog;

import static dev.vigil.syslog.SyslogClients.LOOPBACK;
import static dev.vigil.syslog.SyslogClients.closedByServer;
import static dev.vigil.syslog.SyslogClients.sendDatagram;
import static dev.vigil.syslog.SyslogClients.tcp;
import static dev.vigil.syslog.SyslogClients.tls;
import static dev.vigil.syslog.SyslogClients.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SyslogServerTest {

    private final RecordingReceiver receiver = new RecordingReceiver();

    @Test
    void reportsOffTransportsAsOff() throws Exception {
        try (SyslogServer server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withTcpPort(0), receiver)) {
            SyslogPorts ports = server.start();
            assertThat(ports.udp()).isEqualTo(SyslogSettings.OFF);
            assertThat(ports.tls()).isEqualTo(SyslogSettings.OFF);
            assertThat(ports.tcp()).isPositive();
        }
    }

    @Test
    void servesAllTransportsAtOnceAndCountsThemApart(@TempDir Path directory) throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(directory, "localhost");
        TlsSettings tlsSettings = new TlsSettings(PemSslContexts.serverContext(pem.certificate(), pem.privateKey()),
                false);
        try (SyslogServer server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withUdpPort(0).withTcpPort(0).withTls(0, tlsSettings), receiver);
             DatagramSocket udpClient = new DatagramSocket()) {
            SyslogPorts ports = server.start();
            sendDatagram(udpClient, ports.udp(), "<13>udp");
            receiver.awaitMessages(1);
            try (Socket tcpClient = tcp(ports.tcp())) {
                write(tcpClient, "<13>tcp\n");
                receiver.awaitMessages(2);
            }
            try (SSLSocket tlsClient = tls(TestCertificates.clientTrusting(pem.certificate()), ports.tls())) {
                write(tlsClient, "<13>tls\n");
                receiver.awaitMessages(3);
            }

            SyslogCounters counters = server.counters();
            assertThat(receiver.messages()).containsExactly("<13>udp", "<13>tcp", "<13>tls");
            assertThat(counters.udp().received()).isEqualTo(1);
            assertThat(counters.tcp().received()).isEqualTo(1);
            assertThat(counters.tcp().connections()).isEqualTo(1);
            assertThat(counters.tls().received()).isEqualTo(1);
            assertThat(counters.tls().bytes()).isEqualTo("<13>tls".length());
        }
    }

    @Test
    void bindsAllOrNone() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            SyslogServer server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                    .withUdpPort(0).withTcpPort(taken.getLocalPort()), receiver);

            assertThatThrownBy(server::start).isInstanceOf(BindException.class);
            server.close();
        }
    }

    @Test
    void closeStopsAcceptingAndEndsIdleConnections(@TempDir Path directory) throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(directory, "localhost");
        SyslogServer server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK).withTcpPort(0)
                .withTls(0, new TlsSettings(PemSslContexts.serverContext(pem.certificate(), pem.privateKey()),
                        false)), receiver);
        SyslogPorts ports = server.start();
        try (Socket tcpClient = tcp(ports.tcp());
             SSLSocket tlsClient = tls(TestCertificates.clientTrusting(pem.certificate()), ports.tls())) {
            write(tcpClient, "<13>before\n");
            receiver.awaitMessages(1);

            server.close();

            assertThat(closedByServer(tcpClient)).isTrue();
            assertThat(closedByServer(tlsClient)).isTrue();
            assertThatThrownBy(() -> tcp(ports.tcp()).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void startsOnlyOnce() throws Exception {
        try (SyslogServer server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withTcpPort(0), receiver)) {
            server.start();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
