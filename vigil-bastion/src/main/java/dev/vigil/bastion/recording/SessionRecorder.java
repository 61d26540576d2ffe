package dev.vigil.bastion.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;

import dev.vigil.bastion.command.CommandLine;
import dev.vigil.bastion.command.CommandReconstructor;
import dev.vigil.bastion.command.PendingLine;

/**
 * Records one channel: terminal output and resizes into an asciicast v2 file, the operator's input into a separate
 * asciicast of {@code i} events, and, for interactive channels, the commands as the terminal showed them. Input of a
 * line is held until the terminal shows whether it echoed it; a line typed without echo is stored masked.
 */
public final class SessionRecorder {

    private static final int MAX_HELD_INPUT_EVENTS = 512;
    private static final long LIVE_BACKLOG_BYTES = 64 * 1024;
    static final int MAX_EVENT_BYTES = 32 * 1024;

    private final ByteArrayOutputStream castBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream inputBytes = new ByteArrayOutputStream();
    private final MessageDigest sha256;
    private final OutputStream castStream;
    private final OutputStream inputStream;
    private final AsciicastWriter cast;
    private final AsciicastWriter input;
    private final Utf8Stream outputText = new Utf8Stream();
    private final Utf8Stream inputText = new Utf8Stream();
    private final CommandReconstructor commands;
    private final LiveTail tail = new LiveTail(LIVE_BACKLOG_BYTES);
    private final List<Object[]> heldInput = new ArrayList<>();
    private long castLength;
    private volatile long lastOutputNanos = System.nanoTime();
    private Recording finished;

    /**
     * @param onCommand told each reconstructed command with its offset in seconds; null for channels that are not
     *                  interactive (an exec channel's command is known up front)
     */
    public SessionRecorder(int width, int height, long unixSeconds, String title, Map<String, String> env, long maxBytes,
            BiConsumer<String, Double> onCommand) {
        long start = System.nanoTime();
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            castStream = new DigestOutputStream(new FastGzip(castBytes), sha256) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    super.write(b, off, len);
                    castLength += len;
                }
            };
            inputStream = new FastGzip(inputBytes);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot set up the recording streams", e);
        }
        cast = new AsciicastWriter(castStream, start, maxBytes, tail);
        input = new AsciicastWriter(inputStream, start, maxBytes);
        cast.header(width, height, unixSeconds, title, env);
        input.header(width, height, unixSeconds, title == null ? "input" : title + " (input)", env);
        commands = onCommand == null ? null : new CommandReconstructor(line -> lineEntered(line, onCommand));
    }

    /**
     * Terminal output, recorded as events of at most {@link #MAX_EVENT_BYTES}: decoding, escaping, hashing and
     * compressing one event are separate passes over it, cheapest while it stays in the CPU's cache, so a large read
     * of bulk output is recorded in slices.
     */
    public synchronized void output(byte[] bytes, int offset, int length) {
        lastOutputNanos = System.nanoTime();
        for (int at = offset, end = offset + length; at < end; at += MAX_EVENT_BYTES) {
            CharSequence text = outputText.decodeInPlace(bytes, at, Math.min(MAX_EVENT_BYTES, end - at));
            cast.event("o", text);
            if (commands != null) {
                commands.output(text);
            }
        }
    }

    public synchronized void input(byte[] bytes, int offset, int length) {
        String text = inputText.decode(bytes, offset, length);
        if (text.isEmpty()) {
            return;
        }
        if (commands == null) {
            input.event("i", text);
            return;
        }
        heldInput.add(new Object[] {cast.now(), text});
        commands.input(text);
        if (heldInput.size() > MAX_HELD_INPUT_EVENTS) {
            releaseInput(false);
        }
    }

    /** The line being typed as the terminal shows it (interactive channels only). */
    public synchronized PendingLine pendingLine() {
        return commands == null ? new PendingLine("", false, true) : commands.pending();
    }

    /** Whether an Enter is still waiting for the terminal's line feed. */
    public synchronized boolean awaitingLineFeed() {
        return commands != null && commands.awaitingLineFeed();
    }

    /** When the target last displayed something ({@link System#nanoTime()}). */
    public long lastOutputNanos() {
        return lastOutputNanos;
    }

    /**
     * The operator's Enter was held back because the line was refused: the keystroke stays in the input record, the
     * line is forgotten by the reconstruction, and the recording gets a marker saying why.
     */
    public synchronized void lineRefused(String notice) {
        heldInput.add(new Object[] {cast.now(), "\r"});
        if (commands != null) {
            commands.discard();
        }
        releaseInput(false);
        cast.event("m", notice);
    }

    /** Input the operator sent that was not forwarded (a refused paste): kept in the input record only. */
    public synchronized void inputWithheld(String text, String notice) {
        releaseInput(false);
        input.event("i", text);
        cast.event("m", notice);
    }

    public synchronized void resize(int columns, int rows) {
        cast.event("r", Math.max(1, columns) + "x" + Math.max(1, rows));
    }

    public synchronized void marker(String label) {
        cast.event("m", label);
    }

    /** The recording's output as it is written (header, output, resizes, markers; never the input), for live viewers. */
    public LiveTail tail() {
        return tail;
    }

    /** Seconds since the recording started. */
    public double now() {
        return cast.now();
    }

    public synchronized Recording finish() {
        if (finished != null) {
            return finished;
        }
        cast.event("o", outputText.flush());
        tail.end();
        releaseInput(true);
        try {
            castStream.close();
            inputStream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the recording", e);
        }
        finished = new Recording(castBytes.toByteArray(), HexFormat.of().formatHex(sha256.digest()), castLength,
                inputBytes.toByteArray(), cast.truncated());
        return finished;
    }

    private void lineEntered(CommandLine line, BiConsumer<String, Double> onCommand) {
        releaseInput(line.secret());
        if (!line.secret()) {
            onCommand.accept(line.text(), cast.now());
        }
    }

    private void releaseInput(boolean mask) {
        for (Object[] held : heldInput) {
            String text = (String) held[1];
            input.event((Double) held[0], "i", mask ? masked(text) : text);
        }
        heldInput.clear();
    }

    private static String masked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= ' ' && c != 0x7f ? "*" : Character.toString(c)));
        return out.toString();
    }

    /** Deflate at its fastest level: terminal output compresses well anyway, and recording must keep up with bulk output. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream target) throws IOException {
            super(target, 64 * 1024);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }
}
