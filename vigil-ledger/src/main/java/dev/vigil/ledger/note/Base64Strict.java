package dev.vigil.ledger.note;

import java.util.Base64;

/** Standard base64 with mandatory padding (RFC 4648 §4), as used by signed notes and checkpoints. */
final class Base64Strict {

    private Base64Strict() {
    }

    /** Decoded bytes, or {@code null} when {@code text} is not canonical padded standard base64. */
    static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            // Reject non-canonical encodings (non-zero trailing bits) so each value has one spelling.
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
