package dev.vigil.syslog;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the TLS listener (RFC 5425) presents itself and whom it admits.
 *
 * @param sslContext               holds the server's certificate and key and, for mutual TLS, the certificates that
 *                                 client certificates must chain to; {@link PemSslContexts} builds one from PEM files
 * @param requireClientCertificate whether a client must present a certificate its trust material accepts
 */
public record TlsSettings(SSLContext sslContext, boolean requireClientCertificate) {

    public TlsSettings {
        Objects.requireNonNull(sslContext, "sslContext");
    }
}
