package dev.vigil.bastion.recording;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The asciicast lines of a recording as they are written, for people watching a live session: a viewer first gets the
 * header and the latest lines (up to {@code backlogBytes}, so the screen has context), then every new line. The
 * recording never waits for a viewer: a viewer that falls more than {@link #VIEWER_LINES} lines behind is cut off.
 */
public final class LiveTail {

    static final int VIEWER_LINES = 10_000;
    private static final String END = "";

    private final long backlogBytes;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private byte[] header;
    private long backlogSize;
    private boolean ended;

    public LiveTail(long backlogBytes) {
        this.backlogBytes = backlogBytes;
    }

    /** One asciicast line (header or event), without its line break. */
    void line(String line) {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        line(utf8, 0, utf8.length);
    }

    /**
     * One asciicast line as UTF-8, without its line break; the bytes are copied. Text is made only for the viewers
     * watching, so a session nobody watches pays a copy per line.
     */
    synchronized void line(byte[] utf8, int offset, int length) {
        byte[] line = Arrays.copyOfRange(utf8, offset, offset + length);
        if (header == null) {
            header = line;
            return;
        }
        backlog.addLast(line);
        backlogSize += line.length;
        while (backlogSize > backlogBytes && backlog.size() > 1) {
            backlogSize -= backlog.removeFirst().length;
        }
        if (!viewers.isEmpty()) {
            String text = text(line);
            for (Viewer viewer : viewers) {
                viewer.offer(text);
            }
        }
    }

    /** The recording ended: viewers get what is left, then the end. */
    synchronized void end() {
        ended = true;
        viewers.forEach(viewer -> viewer.offer(END));
        viewers.clear();
    }

    /** A new viewer, starting with the header and the backlog. */
    public synchronized Viewer watch() {
        Viewer viewer = new Viewer();
        if (header != null) {
            viewer.offer(text(header));
        }
        backlog.forEach(line -> viewer.offer(text(line)));
        if (ended) {
            viewer.offer(END);
        } else {
            viewers.add(viewer);
        }
        return viewer;
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** What one viewer has not read yet. */
    public final class Viewer implements AutoCloseable {

        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>(VIEWER_LINES);
        private volatile boolean cutOff;

        private void offer(String line) {
            if (!lines.offer(line)) {
                cutOff = true;
                viewers.remove(this);
                lines.clear();
                lines.offer(END);
            }
        }

        /**
         * The next line; empty when none came within {@code wait}. Throws {@link java.util.NoSuchElementException}
         * once the session has ended (or the viewer was cut off) and everything was read.
         */
        public Optional<String> next(Duration wait) throws InterruptedException {
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                return Optional.empty();
            }
            if (line.equals(END)) {
                lines.offer(END);
                throw new java.util.NoSuchElementException(cutOff ? "the viewer fell too far behind" : "the session ended");
            }
            return Optional.of(line);
        }

        public boolean cutOff() {
            return cutOff;
        }

        @Override
        public void close() {
            viewers.remove(this);
        }
    }
}
