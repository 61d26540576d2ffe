package dev.vigil.bastion.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * One asciicast line built as UTF-8 bytes in a buffer kept from line to line, so that relaying bulk output costs no
 * strings. Quoted text is a JSON string literal with control characters escaped (terminal escapes survive as text) and
 * a lone surrogate, which UTF-8 cannot carry, written as an escaped U+FFFD.
 */
final class JsonLine {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The most bytes one character can take: a six-byte {@code \u001b} escape. */
    private static final int MAX_PER_CHAR = 6;
    /** ASCII characters written as they are: printable ones except the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = ' '; c < 0x7f; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private byte[] bytes = new byte[256];
    private int length;

    JsonLine clear() {
        length = 0;
        return this;
    }

    /** Text the writer itself produces (numbers, punctuation, codes): ASCII, written as it is. */
    JsonLine plain(String ascii) {
        room(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonLine quoted(CharSequence text) {
        if (text instanceof CharBuffer buffer && buffer.hasArray()) {
            return quoted(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        char[] chars = text.toString().toCharArray();
        return quoted(chars, 0, chars.length);
    }

    private JsonLine quoted(char[] chars, int offset, int count) {
        room(2);
        bytes[length++] = '"';
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            if (length + MAX_PER_CHAR + 1 > bytes.length) {
                room((end - i) + MAX_PER_CHAR + 1);
            }
            char c = chars[i];
            if (c < 0x80 && PLAIN[c]) {
                bytes[length++] = (byte) c;
            } else if (c < 0x80) {
                ascii(c);
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xc0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xe0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[length++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                bytes[length++] = (byte) (0xf0 | codePoint >> 18);
                bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                bytes[length++] = (byte) (0x80 | codePoint & 0x3f);
            } else {
                unicodeEscape('\ufffd');
            }
        }
        bytes[length++] = '"';
        return this;
    }

    private void ascii(char c) {
        switch (c) {
            case '"' -> escape('"');
            case '\\' -> escape('\\');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    unicodeEscape(c);
                } else {
                    bytes[length++] = (byte) c;
                }
            }
        }
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    private void unicodeEscape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = HEX[c >> 12 & 15];
        bytes[length++] = HEX[c >> 8 & 15];
        bytes[length++] = HEX[c >> 4 & 15];
        bytes[length++] = HEX[c & 15];
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The line as text, less its final line break. */
    String withoutLineBreak() {
        return new String(bytes, 0, length - 1, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
