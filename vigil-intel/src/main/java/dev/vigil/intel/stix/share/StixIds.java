package dev.vigil.intel.stix.share;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: {@code <type>--<UUIDv5>} (RFC 9562, SHA-1 name-based, as STIX 2.1 asks for ids that
 * must come out the same every time) of a name in Vigil's own namespace, so exporting the same thing twice gives the
 * same id and receivers de-duplicate it.
 */
public final class StixIds {

    /** Vigil's namespace for the names it derives STIX ids from. */
    static final UUID VIGIL_NAMESPACE = UUID.fromString("6f1d3c52-7a0e-4f4b-9c1e-2b8d5a9e0c17");

    private StixIds() {
    }

    public static String of(String type, String name) {
        return type + "--" + uuid5(VIGIL_NAMESPACE, name);
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
