package dev.vigil.bastion.recording;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one direction of a byte stream as UTF-8 across reads: a character split between two reads is kept until its
 * last byte arrives instead of becoming two replacement characters. Bytes that are not UTF-8 become U+FFFD.
 */
public final class Utf8Stream {

    /** The longest UTF-8 sequence, so the most a read can leave undecoded. */
    private static final int MAX_SEQUENCE = 4;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final byte[] pending = new byte[MAX_SEQUENCE];
    private int pendingLength;
    private CharBuffer chars = CharBuffer.allocate(0);

    public String decode(byte[] bytes, int offset, int length) {
        return decodeInPlace(bytes, offset, length).toString();
    }

    /**
     * Like {@link #decode} without making a string: the characters stay valid only until the next call, for a caller
     * that copies them at once (the relay's hot path).
     */
    CharSequence decodeInPlace(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (pendingLength == 0) {
            in = ByteBuffer.wrap(bytes, offset, length);
        } else {
            in = ByteBuffer.allocate(pendingLength + length).put(pending, 0, pendingLength).put(bytes, offset, length).flip();
        }
        // UTF-8 never yields more characters than bytes, a replacement character included
        if (chars.capacity() < in.remaining() + 1) {
            chars = CharBuffer.allocate(in.remaining() + 1);
        }
        chars.clear();
        decoder.decode(in, chars, false);
        pendingLength = in.remaining();
        in.get(pending, 0, pendingLength);
        return chars.flip();
    }

    /** Whatever incomplete sequence is left, as replacement characters (at the end of the stream). */
    public String flush() {
        CharBuffer out = CharBuffer.allocate(pendingLength + 1);
        decoder.decode(ByteBuffer.wrap(pending, 0, pendingLength), out, true);
        decoder.flush(out);
        pendingLength = 0;
        return out.flip().toString();
    }
}
