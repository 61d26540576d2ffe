package dev.vigil.syslog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS listener's {@link SSLContext} from PEM files as OpenSSL writes them: a certificate chain (server
 * certificate first) and its unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}; RSA, EC or EdDSA).
 * Errors name the file at fault.
 */
public final class PemSslContexts {

    private static final char[] NO_PASSWORD = new char[0];
    private static final Map<String, String> PROOF_SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA", "Ed25519", "Ed25519",
            "Ed448", "Ed448", "DSA", "SHA256withDSA");
    private static final String CONVERT_HINT = "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8";

    private PemSslContexts() {
    }

    /** A server context; client certificates, if required, must chain to the JDK's default trusted authorities. */
    public static SSLContext serverContext(Path certificateChain, Path privateKey) throws IOException {
        return serverContext(certificateChain, privateKey, null);
    }

    /**
     * A server context whose client certificates, for mutual TLS, must chain to the certificates in
     * {@code trustedClientCertificates} (a PEM bundle; null for the JDK's default trusted authorities).
     */
    public static SSLContext serverContext(Path certificateChain, Path privateKey, Path trustedClientCertificates)
            throws IOException {
        List<X509Certificate> chain = certificates(certificateChain);
        PrivateKey key = privateKey(privateKey, chain.getFirst().getPublicKey(), certificateChain);
        try {
            KeyStore identity = emptyKeyStore();
            identity.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(identity, NO_PASSWORD);
            TrustManagerFactory trustManagers = null;
            if (trustedClientCertificates != null) {
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trustStore(certificates(trustedClientCertificates)));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a TLS context from " + certificateChain + " and " + privateKey
                    + ": " + e.getMessage(), e);
        }
    }

    /** Every certificate in a PEM file, in file order. */
    static List<X509Certificate> certificates(Path path) throws IOException {
        List<byte[]> blocks = PemFile.read(path).blocksLabelled("CERTIFICATE");
        if (blocks.isEmpty()) {
            throw new IOException("PEM file " + path + " holds no CERTIFICATE block");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IOException("PEM file " + path + " holds a CERTIFICATE block that is no X.509 certificate: "
                    + e.getMessage(), e);
        }
        return certificates;
    }

    private static PrivateKey privateKey(Path path, PublicKey certified, Path certificatePath) throws IOException {
        PemFile pem = PemFile.read(path);
        List<byte[]> pkcs8 = pem.blocksLabelled("PRIVATE KEY");
        if (pkcs8.size() != 1) {
            throw new IOException("PEM file " + path + " must hold one unencrypted PKCS#8 PRIVATE KEY block, found "
                    + pem.labels() + hintFor(pem.labels()));
        }
        String algorithm = certified.getAlgorithm();
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8.getFirst()));
        } catch (InvalidKeySpecException e) {
            throw new IOException("PEM file " + path + " holds no valid " + algorithm + " private key, the type of the"
                    + " certificate's key in " + certificatePath + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK cannot load " + algorithm + " keys (" + path + "): " + e.getMessage(), e);
        }
        requireMatch(key, certified, path, certificatePath);
        return key;
    }

    private static String hintFor(List<String> labels) {
        if (labels.contains("ENCRYPTED PRIVATE KEY")) {
            return "; the key is encrypted, write it unencrypted with: openssl pkcs8 -in KEY -out PLAIN.pem";
        }
        if (labels.contains("RSA PRIVATE KEY") || labels.contains("EC PRIVATE KEY")) {
            return " (a traditional OpenSSL key)" + CONVERT_HINT;
        }
        return "";
    }

    /** Proves by a signature that the key belongs to the certificate; a mismatch would only show at handshake. */
    private static void requireMatch(PrivateKey key, PublicKey certified, Path keyPath, Path certificatePath)
            throws IOException {
        String algorithm = PROOF_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            return;
        }
        try {
            byte[] probe = "vigil-syslog key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another curve or size fails here too: reported as a mismatch below
        }
        throw new IOException("the private key in " + keyPath + " does not belong to the first certificate in "
                + certificatePath);
    }

    private static KeyStore trustStore(List<X509Certificate> certificates) throws GeneralSecurityException,
            IOException {
        KeyStore store = emptyKeyStore();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        return store;
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
