package dev.vigil.bastion.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One asciicast line built as UTF-8 bytes in a buffer kept from line to line, so that relaying bulk output costs no
 * strings. Quoted text is a JSON string literal with control characters escaped (terminal escapes survive as text) and
 * a lone surrogate, which UTF-8 cannot carry, written as an escaped U+FFFD.
 */
final class JsonLine {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The most bytes one character can take: the six of a JSON {@code u} escape. */
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
        // room for the worst case up front keeps the loop free of checks; the buffer is kept for the next line
        room(count * MAX_PER_CHAR + 2);
        byte[] out = bytes;
        int n = length;
        out[n++] = '"';
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                n = PLAIN[c] ? put(out, n, (byte) c) : escapeAscii(out, n, c);
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xe0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[n++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                out[n++] = (byte) (0xf0 | codePoint >> 18);
                out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                out[n++] = (byte) (0x80 | codePoint & 0x3f);
            } else {
                n = unicodeEscape(out, n, '\ufffd');
            }
        }
        out[n++] = '"';
        length = n;
        return this;
    }

    private static int put(byte[] out, int n, byte b) {
        out[n] = b;
        return n + 1;
    }

    private static int escapeAscii(byte[] out, int n, char c) {
        return switch (c) {
            case '"' -> escape(out, n, '"');
            case '\\' -> escape(out, n, '\\');
            case '\n' -> escape(out, n, 'n');
            case '\r' -> escape(out, n, 'r');
            case '\t' -> escape(out, n, 't');
            default -> unicodeEscape(out, n, c);
        };
    }

    private static int escape(byte[] out, int n, char c) {
        out[n] = '\\';
        out[n + 1] = (byte) c;
        return n + 2;
    }

    private static int unicodeEscape(byte[] out, int n, char c) {
        out[n] = '\\';
        out[n + 1] = 'u';
        out[n + 2] = HEX[c >> 12 & 15];
        out[n + 3] = HEX[c >> 8 & 15];
        out[n + 4] = HEX[c >> 4 & 15];
        out[n + 5] = HEX[c & 15];
        return n + 6;
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The line, less its final line break, to live viewers. */
    void lineTo(LiveTail tail) {
        tail.line(bytes, 0, length - 1);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
