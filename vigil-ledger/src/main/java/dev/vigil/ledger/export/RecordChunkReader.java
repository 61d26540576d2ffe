package dev.vigil.ledger.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into {@link RecordChunk}s of whole lines with large reads, so that worker threads can check and
 * hash the lines where they lie. The partial line at the end of a read is carried into the next chunk; a chunk grows
 * when one line does not fit, up to the line length limit.
 */
final class RecordChunkReader {

    private final InputStream in;
    private final int maxLine;
    private byte[] carried = new byte[0];
    private int carriedLength;
    private boolean endOfStream;

    RecordChunkReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Fills {@code chunk} with the next lines; false when the stream holds no more. */
    boolean fill(RecordChunk chunk) throws IOException {
        if (chunk.data.length < carriedLength) {
            chunk.data = new byte[carriedLength];
        }
        System.arraycopy(carried, 0, chunk.data, 0, carriedLength);
        int filled = carriedLength;
        carriedLength = 0;
        while (true) {
            while (filled < chunk.data.length && !endOfStream) {
                int read = in.read(chunk.data, filled, chunk.data.length - filled);
                if (read < 0) {
                    endOfStream = true;
                } else {
                    filled += read;
                }
            }
            int lastNewline = lastNewline(chunk.data, filled);
            if (filled - (lastNewline + 1) > maxLine) {
                throw new LineTooLongException(maxLine);
            }
            if (endOfStream) {
                chunk.length = filled;
                return filled > 0;
            }
            if (lastNewline >= 0) {
                chunk.length = lastNewline + 1;
                carry(chunk.data, chunk.length, filled);
                return true;
            }
            // One line fills the chunk: make room for the rest of it.
            chunk.data = Arrays.copyOf(chunk.data, (int) Math.min(2L * chunk.data.length, maxLine + 1L));
        }
    }

    private void carry(byte[] data, int from, int to) {
        carriedLength = to - from;
        if (carried.length < carriedLength) {
            carried = new byte[Math.max(carriedLength, 2 * carried.length)];
        }
        System.arraycopy(data, from, carried, 0, carriedLength);
    }

    private static int lastNewline(byte[] data, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A line exceeds the limit. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }
}
