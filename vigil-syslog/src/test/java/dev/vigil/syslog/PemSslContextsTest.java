package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemSslContextsTest {

    @TempDir
    static Path directory;
    private static TestCertificates.Pem localhost;
    private static TestCertificates.Pem other;

    @BeforeAll
    static void makeCertificates() throws Exception {
        localhost = TestCertificates.selfSigned(directory, "localhost");
        other = TestCertificates.selfSigned(directory, "other");
    }

    @Test
    void buildsAContextFromOpenSslOutput() throws Exception {
        assertThat(PemSslContexts.serverContext(localhost.certificate(), localhost.privateKey())
                .getProtocol()).isEqualTo("TLS");
    }

    @Test
    void loadsAnRsaKeyAndItsCertificate() throws Exception {
        Path key = directory.resolve("rsa-key.pem");
        Path certificate = directory.resolve("rsa-cert.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                certificate.toString(), "-days", "2", "-subj", "/CN=rsa");

        assertThat(PemSslContexts.serverContext(certificate, key)).isNotNull();
    }

    @Test
    void readsACertificateChainWithTextAroundTheBlocks() throws Exception {
        Path chain = directory.resolve("chain.pem");
        Files.writeString(chain, "subject=CN = localhost\n" + Files.readString(localhost.certificate())
                + "comment\n" + Files.readString(other.certificate()));

        assertThat(PemSslContexts.certificates(chain)).hasSize(2);
    }

    @Test
    void namesAFileWithoutPem() throws Exception {
        Path notPem = Files.writeString(directory.resolve("not-pem.txt"), "hello");

        assertThatThrownBy(() -> PemSslContexts.serverContext(notPem, localhost.privateKey()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(notPem.toString())
                .hasMessageContaining("no PEM block");
    }

    @Test
    void namesAMissingFile() {
        Path missing = directory.resolve("missing.pem");

        assertThatThrownBy(() -> PemSslContexts.serverContext(localhost.certificate(), missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void namesAKeyFileThatHoldsACertificate() {
        assertThatThrownBy(() -> PemSslContexts.serverContext(localhost.certificate(), other.certificate()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(other.certificate().toString())
                .hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void explainsHowToConvertATraditionalKey() throws Exception {
        Path traditional = directory.resolve("traditional-key.pem");
        openssl("ec", "-in", localhost.privateKey().toString(), "-out", traditional.toString());
        assertThat(Files.readString(traditional)).contains("BEGIN EC PRIVATE KEY");

        assertThatThrownBy(() -> PemSslContexts.serverContext(localhost.certificate(), traditional))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(traditional.toString())
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void namesCorruptBase64() throws Exception {
        Path corrupt = Files.writeString(directory.resolve("corrupt.pem"),
                "-----BEGIN CERTIFICATE-----\n@@@not base64@@@\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> PemSslContexts.serverContext(corrupt, localhost.privateKey()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(corrupt.toString())
                .hasMessageContaining("base64");
    }

    @Test
    void refusesAKeyThatBelongsToAnotherCertificate() {
        assertThatThrownBy(() -> PemSslContexts.serverContext(localhost.certificate(), other.privateKey()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(other.privateKey().toString())
                .hasMessageContaining("does not belong");
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
