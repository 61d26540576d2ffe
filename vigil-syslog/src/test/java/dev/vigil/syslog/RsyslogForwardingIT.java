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
 * Debian's rsyslogd reads lines from a file (imfile) and forwards them with omfwd over every transport; the exact
 * lines must arrive, once each. The daemon runs with everything in a temporary directory: no /dev/log, no system pid
 * file, no kernel or journal input.
 */
@Tag("e2e")
@Timeout(120)
class RsyslogForwardingIT {

    /** imfile's defaults: facility local0, severity notice. */
    private static final int IMFILE_PRIORITY = 16 * 8 + 5;

    @TempDir
    Path directory;
    private final RecordingReceiver receiver = new RecordingReceiver();
    private SyslogServer server;
    private TestCertificates.Pem serverPem;
    private TestCertificates.Pem clientPem;

    @BeforeEach
    void makeCertificates() throws Exception {
        serverPem = TestCertificates.selfSigned(directory, "localhost");
        clientPem = TestCertificates.selfSigned(directory, "rsyslog-client");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void forwardsOverUdp() throws Exception {
        int port = startServer(false).udp();
        List<String> lines = lines("udp", 50);

        forward(lines, "",
                "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + port + "\" protocol=\"udp\")");

        assertForwarded(receiver, lines, Transport.UDP, IMFILE_PRIORITY);
    }

    @Test
    void forwardsOverTcpWithNewlineFraming() throws Exception {
        int port = startServer(false).tcp();
        List<String> lines = lines("tcp-newline", 200);

        forward(lines, "",
                "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + port + "\" protocol=\"tcp\")");

        assertForwarded(receiver, lines, Transport.TCP, IMFILE_PRIORITY);
    }

    @Test
    void forwardsMultiLineEventsOverTcpWithOctetCounting() throws Exception {
        int port = startServer(false).tcp();
        List<String> events = multiLineEvents("tcp-octets", 50);

        forward(events, "",
                "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + port + "\" protocol=\"tcp\""
                        + " TCP_Framing=\"octet-counted\" template=\"RSYSLOG_SyslogProtocol23Format\")");

        assertForwarded(receiver, events, Transport.TCP, IMFILE_PRIORITY);
        assertThat(server.counters().tcp().framingErrors()).isZero();
    }

    @Test
    void forwardsOverAnonymousTls() throws Exception {
        int port = startServer(false).tls();
        List<String> lines = lines("tls-anon", 100);

        forward(lines,
                "global(DefaultNetstreamDriverCAFile=\"" + serverPem.certificate() + "\")",
                "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + port + "\" protocol=\"tcp\""
                        + " StreamDriver=\"gtls\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"anon\")");

        assertForwarded(receiver, lines, Transport.TLS, IMFILE_PRIORITY);
    }

    @Test
    void forwardsOverMutuallyAuthenticatedTlsWithOctetCounting() throws Exception {
        int port = startServer(true).tls();
        List<String> events = multiLineEvents("tls-mutual", 50);

        forward(events,
                "global(DefaultNetstreamDriverCAFile=\"" + serverPem.certificate() + "\""
                        + " DefaultNetstreamDriverCertFile=\"" + clientPem.certificate() + "\""
                        + " DefaultNetstreamDriverKeyFile=\"" + clientPem.privateKey() + "\")",
                "action(type=\"omfwd\" target=\"localhost\" port=\"" + port + "\" protocol=\"tcp\""
                        + " StreamDriver=\"gtls\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"x509/name\""
                        + " StreamDriverPermittedPeers=\"localhost\""
                        + " TCP_Framing=\"octet-counted\" template=\"RSYSLOG_SyslogProtocol23Format\")");

        assertForwarded(receiver, events, Transport.TLS, IMFILE_PRIORITY);
        assertThat(server.counters().tls().rejectedConnections()).isZero();
    }

    private SyslogPorts startServer(boolean requireClientCertificate) throws Exception {
        TlsSettings tls = new TlsSettings(PemSslContexts.serverContext(serverPem.certificate(),
                serverPem.privateKey(), clientPem.certificate()), requireClientCertificate);
        server = new SyslogServer(SyslogSettings.defaults().withBindAddress(LOOPBACK)
                .withUdpPort(0).withTcpPort(0).withTls(0, tls), receiver);
        return server.start();
    }

    /**
     * Writes the events to a file and runs rsyslogd with imfile reading it and {@code action} forwarding it, until as
     * many messages as events arrived; the daemon is stopped before the caller looks, so strays would show too.
     */
    private void forward(List<String> events, String global, String action) throws Exception {
        Path input = directory.resolve("input.log");
        Files.writeString(input, String.join("\n", events) + "\n");
        Path work = Files.createDirectories(directory.resolve("work"));
        Path config = directory.resolve("rsyslog.conf");
        Files.writeString(config, """
                global(workDirectory="%s")
                %s
                module(load="imfile" mode="inotify")
                input(type="imfile" file="%s" tag="%s:" ruleset="forward"
                      startmsg.regex="^EVENT" readTimeout="1" escapeLF="off")
                ruleset(name="forward") {
                  %s
                }
                """.formatted(work, global, input, APP_NAME, action));
        List<String> command = List.of(ShipperBinaries.rsyslogd().toString(), "-n", "-f", config.toString(),
                "-i", directory.resolve("rsyslogd.pid").toString());
        try (ShipperProcess rsyslogd = ShipperProcess.start("rsyslogd", command, Map.of(),
                directory.resolve("rsyslogd.out"))) {
            rsyslogd.explainFailure(() -> receiver.awaitMessages(events.size()));
        }
    }
}
