package dev.vigil.syslog;

import static dev.vigil.syslog.ShipperScenarios.APP_NAME;
import static dev.vigil.syslog.ShipperScenarios.assertForwarded;
import static dev.vigil.syslog.ShipperScenarios.lines;
import static dev.vigil.syslog.ShipperScenarios.multiLineEvents;
import static dev.vigil.syslog.SyslogClients.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's syslog-ng, unpacked by .ci/install-shippers (its package conflicts with rsyslog's), reads events from a
 * file and forwards them with its network() (traditional format) and syslog() (RFC 5424, octet-counted) drivers;
 * the exact events must arrive, once each. Its persist file, pid file and control socket lie in a temporary directory.
 */
@Tag("e2e")
@Timeout(120)
class SyslogNgForwardingIT {

    /** A file source's defaults: facility user, severity notice. */
    private static final int FILE_SOURCE_PRIORITY = 8 + 5;

    @TempDir
    Path directory;
    private final RecordingReceiver receiver = new RecordingReceiver();
    private SyslogServer server;
    private TestCertificates.Pem serverPem;
    private TestCertificates.Pem clientPem;

    @BeforeEach
    void makeCertificates() throws Exception {
        serverPem = TestCertificates.selfSigned(directory, "localhost");
        clientPem = TestCertificates.selfSigned(directory, "syslog-ng-client");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void forwardsOverUdp() throws Exception {
        int port = startServer().udp();
        List<String> lines = lines("udp", 50);

        forward(lines, "network(\"127.0.0.1\" port(" + port + ") transport(\"udp\"))");

        assertForwarded(receiver, lines, Transport.UDP, FILE_SOURCE_PRIORITY);
    }

    @Test
    void forwardsOverTcpWithNewlineFraming() throws Exception {
        int port = startServer().tcp();
        List<String> lines = lines("tcp-newline", 200);

        forward(lines, "network(\"127.0.0.1\" port(" + port + ") transport(\"tcp\"))");

        assertForwarded(receiver, lines, Transport.TCP, FILE_SOURCE_PRIORITY);
    }

    @Test
    void forwardsMultiLineEventsOverTcpWithOctetCounting() throws Exception {
        int port = startServer().tcp();
        List<String> events = multiLineEvents("tcp-octets", 50);

        forward(events, "syslog(\"127.0.0.1\" port(" + port + ") transport(\"tcp\"))");

        assertForwarded(receiver, events, Transport.TCP, FILE_SOURCE_PRIORITY);
        assertThat(server.counters().tcp().framingErrors()).isZero();
    }

    @Test
    void forwardsOverMutuallyAuthenticatedTls() throws Exception {
        int port = startServer().tls();
        List<String> events = multiLineEvents("tls-mutual", 50);

        forward(events, "syslog(\"localhost\" port(" + port + ") transport(\"tls\") tls("
                + "ca-file(\"" + serverPem.certificate() + "\") peer-verify(required-trusted)"
                + " cert-file(\"" + clientPem.certificate() + "\") key-file(\"" + clientPem.privateKey() + "\")))");

        assertForwarded(receiver, events, Transport.TLS, FILE_SOURCE_PRIORITY);
        assertThat(server.counters().tls().rejectedConnections()).isZero();
    }

    private SyslogPorts startServer() throws Exception {
        TlsSettings tls = new TlsSettings(PemSslContexts.serverContext(serverPem.certificate(),
                serverPem.privateKey(), clientPem.certificate()), true);
        server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withUdpPort(0).withTcpPort(0).withTls(0, tls), receiver);
        return server.start();
    }

    /**
     * Writes the events to a file and runs syslog-ng with a file source reading it and {@code destination} forwarding
     * it, until as many messages as events arrived; the daemon is stopped before the caller looks.
     */
    private void forward(List<String> events, String destination) throws Exception {
        Path input = directory.resolve("input.log");
        Files.writeString(input, String.join("\n", events) + "\n");
        Path config = directory.resolve("syslog-ng.conf");
        // indented lines continue an event; the timeout releases the last one, which no next line ends
        Files.writeString(config, """
                @version: 3.38
                source s_input {
                  file("%s" flags(no-parse) program-override("%s")
                       follow-freq(0.2) multi-line-mode(indented) multi-line-timeout(1));
                };
                destination d_vigil { %s; };
                log { source(s_input); destination(d_vigil); };
                """.formatted(input, APP_NAME, destination));
        Path root = ShipperBinaries.SYSLOG_NG_ROOT;
        List<String> command = List.of(ShipperBinaries.syslogNg().toString(), "-F", "-e", "--no-caps",
                "--module-path=" + root.resolve("usr/lib/syslog-ng/3.38"),
                "--cfgfile=" + config,
                "--persist-file=" + directory.resolve("syslog-ng.persist"),
                "--pidfile=" + directory.resolve("syslog-ng.pid"),
                "--control=" + directory.resolve("syslog-ng.ctl"));
        Map<String, String> environment = Map.of("LD_LIBRARY_PATH", root.resolve("usr/lib/syslog-ng").toString());
        try (ShipperProcess syslogNg = ShipperProcess.start("syslog-ng", command, environment,
                directory.resolve("syslog-ng.out"))) {
            syslogNg.explainFailure(() -> receiver.awaitMessages(events.size()));
        }
    }
}
