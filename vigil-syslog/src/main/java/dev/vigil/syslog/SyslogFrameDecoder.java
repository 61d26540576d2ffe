package dev.vigil.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits a syslog TCP or TLS byte stream into messages (RFC 6587, RFC 5425), choosing the framing frame by frame.
 * A frame that starts with a non-zero digit is read as octet-counted ({@code MSG-LEN SP MSG}); if those digits are
 * not followed by a space, that frame is reported as {@link FramingError#INVALID_OCTET_COUNT} and read as a
 * newline-terminated frame instead, digits included. Any other frame is newline-terminated: it ends at LF or NUL.
 * Trailing LF, CR and NUL bytes are left out of every message, and frames that hold nothing else are skipped.
 *
 * <p>No message is longer than the limit: the first {@code maxMessageBytes} of a longer frame are kept and the rest
 * is skipped without being buffered, so a decoder never holds more than {@code maxMessageBytes + 1} bytes.
 * Decoding is independent of how the stream is cut into chunks. One decoder per stream: it is not thread-safe.
 */
public final class SyslogFrameDecoder {

    /** Nine digits hold every count up to 999,999,999 without overflowing an int. */
    private static final int MAX_COUNT_DIGITS = 9;
    private static final int INITIAL_LINE_CAPACITY = 256;

    private enum State { FRAME_START, OCTET_COUNT, OCTET_FRAME, LINE_FRAME }

    private final int maxMessageBytes;
    /** Frames keep one byte above the limit, so that a trailer right after a message of the limit is no excess. */
    private final int frameCapacity;
    private final Consumer<FramingError> errors;

    private State state = State.FRAME_START;
    private int count;
    private int countDigits;
    private byte[] octetFrame;
    private int octetFrameLength;
    private int octetsRemaining;
    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private boolean lineCut;

    /**
     * @param maxMessageBytes the longest message delivered; longer frames are truncated to it
     * @param errors          told of every framing error, in stream order
     */
    public SyslogFrameDecoder(int maxMessageBytes, Consumer<FramingError> errors) {
        if (maxMessageBytes < 1 || maxMessageBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxMessageBytes must be positive and below " + Integer.MAX_VALUE
                    + ", was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.frameCapacity = maxMessageBytes + 1;
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Decodes the next chunk of the stream, appending every message it completes to {@code messages}. */
    public void decode(byte[] chunk, int offset, int length, List<byte[]> messages) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        int position = offset;
        int end = offset + length;
        while (position < end) {
            position = switch (state) {
                case FRAME_START -> startFrame(chunk, position);
                case OCTET_COUNT -> readCount(chunk, position);
                case OCTET_FRAME -> readOctets(chunk, position, end, messages);
                case LINE_FRAME -> readLine(chunk, position, end, messages);
            };
        }
    }

    /** Ends the stream: delivers a frame that is still open (an unterminated last line, a cut-off octet frame). */
    public void finish(List<byte[]> messages) {
        switch (state) {
            case FRAME_START -> { }
            case OCTET_COUNT -> {
                fallBackToLine();
                endLine(messages);
            }
            case OCTET_FRAME -> {
                errors.accept(FramingError.INCOMPLETE_FRAME);
                endOctetFrame(messages);
            }
            case LINE_FRAME -> endLine(messages);
        }
        state = State.FRAME_START;
    }

    /** Bytes of the open frame held in memory; never more than {@code maxMessageBytes + 1}. */
    public int bufferedBytes() {
        return switch (state) {
            case OCTET_FRAME -> octetFrame.length;
            case LINE_FRAME -> lineLength;
            default -> 0;
        };
    }

    private int startFrame(byte[] chunk, int position) {
        byte first = chunk[position];
        if (first >= '1' && first <= '9') {
            count = first - '0';
            countDigits = 1;
            state = State.OCTET_COUNT;
            return position + 1;
        }
        state = State.LINE_FRAME;
        return position;
    }

    private int readCount(byte[] chunk, int position) {
        byte next = chunk[position];
        if (next == ' ') {
            octetFrame = new byte[Math.min(count, frameCapacity)];
            octetFrameLength = 0;
            octetsRemaining = count;
            state = State.OCTET_FRAME;
            return position + 1;
        }
        if (next >= '0' && next <= '9' && countDigits < MAX_COUNT_DIGITS) {
            count = count * 10 + (next - '0');
            countDigits++;
            return position + 1;
        }
        fallBackToLine();
        return position;
    }

    private int readOctets(byte[] chunk, int position, int end, List<byte[]> messages) {
        int available = Math.min(end - position, octetsRemaining);
        int kept = Math.min(available, octetFrame.length - octetFrameLength);
        System.arraycopy(chunk, position, octetFrame, octetFrameLength, kept);
        octetFrameLength += kept;
        octetsRemaining -= available;
        if (octetsRemaining == 0) {
            endOctetFrame(messages);
            state = State.FRAME_START;
        }
        return position + available;
    }

    private void endOctetFrame(List<byte[]> messages) {
        boolean cut = count > octetFrame.length;
        int length = MessageLength.of(octetFrame, octetFrameLength, cut, maxMessageBytes, errors);
        if (length > 0) {
            messages.add(length == octetFrame.length ? octetFrame : Arrays.copyOf(octetFrame, length));
        }
        octetFrame = null;
    }

    /** The digits read so far were no octet count: they begin a newline-terminated frame. */
    private void fallBackToLine() {
        errors.accept(FramingError.INVALID_OCTET_COUNT);
        byte[] digits = Integer.toString(count).getBytes(StandardCharsets.US_ASCII);
        appendToLine(digits, 0, digits.length);
        state = State.LINE_FRAME;
    }

    private int readLine(byte[] chunk, int position, int end, List<byte[]> messages) {
        int trailer = position;
        while (trailer < end && chunk[trailer] != '\n' && chunk[trailer] != 0) {
            trailer++;
        }
        appendToLine(chunk, position, trailer - position);
        if (trailer == end) {
            return end;
        }
        endLine(messages);
        state = State.FRAME_START;
        return trailer + 1;
    }

    private void appendToLine(byte[] bytes, int offset, int length) {
        int kept = Math.min(length, frameCapacity - lineLength);
        lineCut |= kept < length;
        if (lineLength + kept > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLength + kept), frameCapacity));
        }
        System.arraycopy(bytes, offset, line, lineLength, kept);
        lineLength += kept;
    }

    private void endLine(List<byte[]> messages) {
        int length = MessageLength.of(line, lineLength, lineCut, maxMessageBytes, errors);
        if (length > 0) {
            messages.add(Arrays.copyOf(line, length));
        }
        lineLength = 0;
        lineCut = false;
    }
}
