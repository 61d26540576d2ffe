package dev.vigil.events.parse;

import java.nio.charset.StandardCharsets;

/**
 * A payload as text: decoded as UTF-8 with malformed bytes replaced, a leading byte-order mark removed, and cut at
 * {@link #MAX_BYTES} (on a character boundary) when longer.
 *
 * @param text the decoded text
 * @param cut  whether the payload was longer than {@link #MAX_BYTES} and only its beginning is here
 */
record PayloadText(String text, boolean cut) {
    static final int MAX_BYTES = 1 << 20;

    static PayloadText decode(byte[] payload) {
        int start = hasByteOrderMark(payload) ? 3 : 0;
        int end = payload.length;
        boolean cut = end - start > MAX_BYTES;
        if (cut) {
            end = start + MAX_BYTES;
            // step back over continuation bytes so no character is split
            while (end > start && (payload[end] & 0xC0) == 0x80) {
                end--;
            }
        }
        return new PayloadText(new String(payload, start, end - start, StandardCharsets.UTF_8), cut);
    }

    private static boolean hasByteOrderMark(byte[] payload) {
        return payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB
                && (payload[2] & 0xFF) == 0xBF;
    }
}
