package dev.vigil.server.detection.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Sigma document of an import with what the rule list shows about it; {@code yaml} is the document's own text.
 *
 * @param key  the Sigma id, or {@code name:<name>} for a correlation or filter that has only a name
 * @param kind rule, correlation or filter
 */
public record ImportedDocument(String key, String kind, String title, String level, String status, String author,
                               String logsource, String yaml, String file, int line) {

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
