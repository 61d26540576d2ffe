package dev.vigil.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Key names and key IDs of the C2SP signed-note format. */
final class KeyNames {

    static final byte ED25519_TYPE = 0x01;

    private KeyNames() {
    }

    /** A key name is non-empty and contains neither white space nor {@code +}. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        // Same set as Go's unicode.IsSpace, which the reference implementation uses (U+0085 is in neither Java set).
        return name.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85);
    }

    /** First 4 bytes of {@code SHA-256(name || 0x0A || type || publicKey)}, as an unsigned 32-bit value. */
    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(ED25519_TYPE);
            digest.update(publicKey);
            byte[] hash = digest.digest();
            return ((hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }
}
