package dev.vigil.bastion.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Writes an asciicast v2 stream: a header line, then one {@code [time, code, data]} line per event, times in seconds since
 * the start with microsecond precision. Stops (with a final marker) once {@code maxBytes} have been written.
 */
public final class AsciicastWriter {

    private final OutputStream out;
    private final long startNanos;
    private final long maxBytes;
    private final LiveTail tail;
    private final JsonLine line = new JsonLine();
    private long written;
    private double lastTime;
    private boolean truncated;

    public AsciicastWriter(OutputStream out, long startNanos, long maxBytes) {
        this(out, startNanos, maxBytes, null);
    }

    /** With {@code tail} (may be null) told every line written, for live viewers. */
    public AsciicastWriter(OutputStream out, long startNanos, long maxBytes, LiveTail tail) {
        this.out = out;
        this.startNanos = startNanos;
        this.maxBytes = maxBytes;
        this.tail = tail;
    }

    public synchronized void header(int width, int height, long unixSeconds, String title, Map<String, String> env) {
        line.clear().plain("{\"version\": 2, \"width\": " + Math.max(1, width) + ", \"height\": " + Math.max(1, height)
                + ", \"timestamp\": " + unixSeconds);
        if (title != null) {
            line.plain(", \"title\": ").quoted(title);
        }
        if (!env.isEmpty()) {
            line.plain(", \"env\": {");
            String separator = "";
            for (Map.Entry<String, String> entry : env.entrySet()) {
                line.plain(separator).quoted(entry.getKey()).plain(": ").quoted(entry.getValue());
                separator = ", ";
            }
            line.plain("}");
        }
        write(line.plain("}\n"));
    }

    /** Seconds since the start of the recording, never less than the previous event's. */
    public synchronized double now() {
        lastTime = Math.max(lastTime, (System.nanoTime() - startNanos) / 1e9);
        return lastTime;
    }

    public synchronized void event(String code, CharSequence data) {
        event(now(), code, data);
    }

    public synchronized void event(double time, String code, CharSequence data) {
        if (truncated || data.isEmpty() && !code.equals("m")) {
            return;
        }
        double at = Math.max(time, lastTime);
        lastTime = at;
        line.clear().plain("[" + seconds(at) + ", \"" + code + "\", ").quoted(data).plain("]\n");
        if (written + line.length() > maxBytes) {
            truncated = true;
            write(line.clear().plain("[" + seconds(at) + ", \"m\", \"recording truncated at the size limit\"]\n"));
            return;
        }
        write(line);
    }

    public synchronized boolean truncated() {
        return truncated;
    }

    private void write(JsonLine line) {
        try {
            line.writeTo(out);
            written += line.length();
            if (tail != null) {
                line.lineTo(tail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording", e);
        }
    }

    static String seconds(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
