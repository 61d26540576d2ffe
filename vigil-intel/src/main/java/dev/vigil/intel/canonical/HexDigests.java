package dev.vigil.intel.canonical;

import java.util.Locale;

/** File hashes as lower-case hex; MD5 (32), SHA-1 (40) and SHA-256 (64 digits) are accepted. */
public final class HexDigests {

    private HexDigests() {
    }

    /** The lower-case digest, or null when {@code text} is not 32, 40 or 64 hex digits. */
    public static String canonicalize(String text) {
        String value = text.strip();
        int length = value.length();
        if (length != 32 && length != 40 && length != 64) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (HexDigit.value(value.charAt(i)) < 0) {
                return null;
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
