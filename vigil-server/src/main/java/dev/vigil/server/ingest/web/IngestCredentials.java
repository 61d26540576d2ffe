package dev.vigil.server.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where shippers put an ingest token: {@code Authorization: Bearer <token>} (Vigil's own clients, Vector),
 * {@code Basic base64(anything:<token>)} (rsyslog, Fluent Bit, Logstash, Filebeat with username/password) and
 * {@code ApiKey base64(id:<token>)} (Filebeat and Elastic agents with api_key).
 */
final class IngestCredentials {

    private IngestCredentials() {
    }

    static Optional<String> secret(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            String encoded = header.substring(header.indexOf(' ') + 1).trim();
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
