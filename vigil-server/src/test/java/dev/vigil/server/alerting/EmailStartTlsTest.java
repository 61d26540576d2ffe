package dev.vigil.server.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.ServerJar;
import dev.vigil.server.support.TestDirs;
import dev.vigil.syslog.PemSslContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.server.SMTPServer;

/**
 * E-mail over a real SMTP server that requires STARTTLS (SubEtha SMTP with a self-signed certificate made by openssl):
 * the message goes through once the channel trusts the server's certificate, is refused by the server while the
 * client does not upgrade, and is never sent to a server whose certificate the channel does not trust.
 */
class EmailStartTlsTest extends ServerTestBase {

    private SMTPServer smtp;
    private String certificatePem;
    private final ConcurrentLinkedQueue<String> delivered = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startSmtpWithStartTls() throws Exception {
        Path dir = TestDirs.fresh("smtp-tls");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0).as(output).isTrue();
        certificatePem = Files.readString(cert);
        smtp = SMTPServer.port(ServerJar.freePort())
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("127.0.0.1")
                .enableTLS()
                .requireTLS()
                .startTlsSocketFactory(PemSslContexts.serverContext(cert, key))
                .messageHandler((context, from, to, data) -> delivered.add(to + "\n" + new String(data, StandardCharsets.UTF_8)))
                .build();
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void mailGoesThroughStartTlsOnlyToATrustedServer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String smarthost = "127.0.0.1:" + smtp.getPortAllocated();

        Api.Response badCa = createReceiver("bad-ca-" + run, smarthost, Map.of("caCertificate", "not a certificate"));
        assertThat(badCa.assertProblem(400).detail()).contains("channels[0].caCertificate");

        Api.Response trusted = createReceiver("tls-" + run, smarthost, Map.of("caCertificate", certificatePem));
        assertThat(trusted.status()).as(trusted.body()).isEqualTo(201);
        assertThat(test(trusted)).singleElement().asString().startsWith("channels[0] email: sent");
        assertThat(delivered).singleElement().asString().startsWith("oncall@example.test")
                .contains("Test notification from Vigil").contains("receiver tls-" + run);
        assertThat(api().get("/api/v1/alerting/receivers/" + trusted.text("id"), ADMIN_TOKEN).json().path("channels").get(0)
                .path("caCertificate").asString()).isEqualTo(certificatePem);

        Api.Response untrusted = createReceiver("untrusted-" + run, smarthost, Map.of());
        assertThat(test(untrusted)).singleElement().asString().startsWith("channels[0] email: temporary");

        Api.Response plain = createReceiver("plain-" + run, smarthost, Map.of("requireTls", false, "caCertificate", "  "));
        // The client would upgrade when the server offers STARTTLS; with TLS optional and an untrusted certificate the
        // handshake still fails rather than falling back to plain text.
        assertThat(test(plain)).singleElement().asString().doesNotStartWith("channels[0] email: sent");
        assertThat(delivered).hasSize(1);
    }

    private Api.Response createReceiver(String name, String smarthost, Map<String, Object> extra) {
        Map<String, Object> channel = new java.util.HashMap<>(Map.of("type", "email", "to", List.of("oncall@example.test"),
                "from", "vigil@example.test", "smarthost", smarthost));
        channel.putAll(extra);
        return api().post("/api/v1/alerting/receivers", ADMIN_TOKEN, Map.of("name", name, "minSeverity", "critical",
                "sources", List.of("nothing-" + name), "channels", List.of(channel)));
    }

    private List<String> test(Api.Response receiver) {
        Api.Response outcome = api().post("/api/v1/alerting/receivers/" + receiver.text("id") + "/test", ADMIN_TOKEN, null);
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        List<String> lines = new java.util.ArrayList<>();
        outcome.json().forEach(line -> lines.add(line.asString()));
        return lines;
    }
}
