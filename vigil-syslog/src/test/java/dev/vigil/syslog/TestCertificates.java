package dev.vigil.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed certificates made with openssl, and TLS client contexts for them. */
final class TestCertificates {

    /** A certificate and its PKCS#8 key, both PEM. */
    record Pem(Path certificate, Path privateKey) {
    }

    private TestCertificates() {
    }

    /** An EC P-256 certificate for CN=name, valid for localhost and 127.0.0.1. */
    static Pem selfSigned(Path directory, String name) throws IOException, InterruptedException {
        Pem pem = new Pem(directory.resolve(name + "-cert.pem"), directory.resolve(name + "-key.pem"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", pem.privateKey().toString(), "-out", pem.certificate().toString(), "-days", "2",
                "-subj", "/CN=" + name, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl failed to make a test certificate: " + output);
        }
        return pem;
    }

    /** A client context that trusts exactly the given certificates and presents none of its own. */
    static SSLContext clientTrusting(Path certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<X509Certificate> trusted = PemSslContexts.certificates(certificates);
        for (int i = 0; i < trusted.size(); i++) {
            store.setCertificateEntry("trusted-" + i, trusted.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /**
     * A client context presenting {@code identity} and trusting {@code server}; key material works the same on both
     * ends of a handshake, so the server-side builder serves.
     */
    static SSLContext clientPresenting(Pem identity, Path server) throws IOException {
        return PemSslContexts.serverContext(identity.certificate(), identity.privateKey(), server);
    }
}
