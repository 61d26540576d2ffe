package dev.vigil.bastion.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
        StringBuilder line = new StringBuilder(128).append("{\"version\": 2, \"width\": ").append(Math.max(1, width))
                .append(", \"height\": ").append(Math.max(1, height)).append(", \"timestamp\": ").append(unixSeconds);
        if (title != null) {
            line.append(", \"title\": ");
            JsonText.appendQuoted(line, title);
        }
        if (!env.isEmpty()) {
            line.append(", \"env\": {");
            String separator = "";
            for (Map.Entry<String, String> entry : env.entrySet()) {
                line.append(separator);
                JsonText.appendQuoted(line, entry.getKey());
                line.append(": ");
                JsonText.appendQuoted(line, entry.getValue());
                separator = ", ";
            }
            line.append('}');
        }
        write(line.append("}\n"));
    }

    /** Seconds since the start of the recording, never less than the previous event's. */
    public synchronized double now() {
        lastTime = Math.max(lastTime, (System.nanoTime() - startNanos) / 1e9);
        return lastTime;
    }

    public synchronized void event(String code, String data) {
        event(now(), code, data);
    }

    public synchronized void event(double time, String code, String data) {
        if (truncated || data.isEmpty() && !code.equals("m")) {
            return;
        }
        double at = Math.max(time, lastTime);
        lastTime = at;
        StringBuilder line = new StringBuilder(data.length() + 32).append('[').append(seconds(at)).append(", \"").append(code)
                .append("\", ");
        JsonText.appendQuoted(line, data);
        line.append("]\n");
        if (written + line.length() > maxBytes) {
            truncated = true;
            write(new StringBuilder("[").append(seconds(at)).append(", \"m\", \"recording truncated at the size limit\"]\n"));
            return;
        }
        write(line);
    }

    public synchronized boolean truncated() {
        return truncated;
    }

    private void write(CharSequence line) {
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            out.write(bytes);
            written += bytes.length;
            if (tail != null) {
                tail.line(line.subSequence(0, line.length() - 1).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording", e);
        }
    }

    static String seconds(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
