package dev.vigil.ledger.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream on {@code \n} without decoding it, so record lines keep their exact bytes (their leaf hash is
 * computed over those bytes). Lines longer than the limit are refused instead of exhausting memory.
 */
public final class LineReader {

    public static final int DEFAULT_MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean terminated = true;

    public LineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE);
    }

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its newline, or {@code null} at the end of the stream. */
    public byte[] next() throws IOException {
        byte[] line = null;
        int lineLength = 0;
        while (true) {
            if (start == end) {
                end = in.read(buffer, 0, buffer.length);
                start = 0;
                if (end <= 0) {
                    end = 0;
                    if (line == null) {
                        return null;
                    }
                    terminated = false;
                    return Arrays.copyOf(line, lineLength);
                }
            }
            int newline = start;
            while (newline < end && buffer[newline] != '\n') {
                newline++;
            }
            int chunk = newline - start;
            if ((long) lineLength + chunk > maxLine) {
                throw new LineTooLongException(maxLine);
            }
            if (line == null && newline < end) {
                line = Arrays.copyOfRange(buffer, start, newline);
                start = newline + 1;
                terminated = true;
                return line;
            }
            if (line == null) {
                line = new byte[Math.max(chunk * 2, 256)];
            } else if (lineLength + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(lineLength + chunk, line.length * 2));
            }
            System.arraycopy(buffer, start, line, lineLength, chunk);
            lineLength += chunk;
            if (newline < end) {
                start = newline + 1;
                terminated = true;
                return Arrays.copyOf(line, lineLength);
            }
            start = end;
        }
    }

    /** False when the last line returned ended at the end of the stream without a newline. */
    public boolean lastLineTerminated() {
        return terminated;
    }

    /** A line exceeds the configured limit. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }
}
