package dev.vigil.spool;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The spool in a folder of segment files (see {@link RecordCodec} for the format). Appends are group-committed by a
 * {@link SpoolWriter}; a crash loses at most the events of appends that had not returned yet, and recovery at open
 * ({@link SpoolRecovery}) cuts off a write the crash tore. Only one spool at a time may use a folder.
 *
 * <p>{@link #backlogBytes()} counts the bytes of the kept segments from the first unprocessed event on, rounded to
 * the spool's index positions: it may overstate the backlog by up to {@value SparseIndex#SPACING} bytes plus one
 * entry. Events marked processed may disappear from reads at any time (their segment is deleted).
 */
public final class FileSpool implements Spool {

    /** The most one append may hold once encoded, so that a segment write stays within one Java array. */
    private static final long MAX_APPEND_BYTES = 512L << 20;

    private final SpoolSettings settings;
    private final SpoolDirectory directory;
    private final ProcessedMarkFile markFile;
    private final SegmentLog log;
    private final SpoolWriter writer;
    private final SpoolReader reader;
    private final SpoolIdentity identity;
    private final long truncatedBytesAtOpen;
    private final Object markLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileSpool(SpoolSettings settings, SpoolDirectory directory, SegmentChannelFactory channels,
                      SpoolIdentity identity, ProcessedMarkFile markFile, long processedMark,
                      SpoolRecovery.Recovered recovered) {
        this.settings = settings;
        this.directory = directory;
        this.markFile = markFile;
        this.log = new SegmentLog(recovered.segments(), processedMark);
        this.truncatedBytesAtOpen = recovered.truncatedBytes();
        this.writer = new SpoolWriter(log, directory, channels, settings.segmentBytes(), recovered.segments().getLast(),
                recovered.activeChannel());
        this.reader = new SpoolReader(log, channels, identity);
        this.identity = identity;
    }

    /**
     * Opens the spool in {@code directory}, creating it on first use, and recovers it after a crash.
     *
     * @throws IllegalStateException    when another spool (in this or another process) holds the folder
     * @throws SpoolCorruptedException  when a segment is damaged in a way a crash cannot explain
     * @throws UncheckedIOException     when the folder cannot be read or written
     */
    public static FileSpool open(Path directory, SpoolSettings settings) {
        return open(directory, settings, SegmentChannelFactory.FILE_SYSTEM);
    }

    static FileSpool open(Path path, SpoolSettings settings, SegmentChannelFactory channels) {
        Objects.requireNonNull(settings, "settings");
        SpoolDirectory directory;
        try {
            directory = SpoolDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool directory " + path, e);
        }
        try {
            boolean hasSegments = !directory.segmentFirstSequences().isEmpty();
            SpoolIdentity identity = SpoolIdentity.loadOrCreate(directory, hasSegments);
            ProcessedMarkFile markFile = new ProcessedMarkFile(directory);
            long processedMark = markFile.load();
            SpoolRecovery.Recovered recovered = SpoolRecovery.recover(directory, channels, processedMark);
            return new FileSpool(settings, directory, channels, identity, markFile, processedMark, recovered);
        } catch (IOException | RuntimeException e) {
            try {
                directory.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open the spool in " + path, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the list is empty, an event's payload is above
     *                                  {@link SpoolSettings#maxEventBytes()} or a text field above 65,535 UTF-8 bytes
     * @throws SpoolWriteException      when the disk refused the write; every append waiting for the same write
     *                                  fails with it, and the spool keeps working for later appends
     */
    @Override
    public long append(List<RawEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        checkOpen();
        long backlog = log.backlogBytes();
        if (backlog > settings.highWaterMarkBytes()) {
            throw new SpoolFullException(backlog, settings.highWaterMarkBytes());
        }
        List<byte[]> entries = new ArrayList<>(events.size());
        long bytes = 0;
        for (RawEvent event : events) {
            if (event.payload().length > settings.maxEventBytes()) {
                throw new IllegalArgumentException("an event payload of " + event.payload().length
                        + " bytes is above the spool's limit of " + settings.maxEventBytes() + " bytes");
            }
            byte[] entry = RecordCodec.encodeEvent(event);
            bytes += entry.length;
            entries.add(entry);
        }
        if (bytes > MAX_APPEND_BYTES) {
            throw new IllegalArgumentException("one append may hold at most " + MAX_APPEND_BYTES
                    + " bytes of events; split the " + bytes + " bytes given");
        }
        return writer.append(entries, bytes);
    }

    @Override
    public boolean overHighWaterMark() {
        return log.backlogBytes() > settings.highWaterMarkBytes();
    }

    /** {@inheritDoc} Only durable events are returned; a read waiting when the spool closes returns nothing. */
    @Override
    public List<SpooledEvent> read(long afterSequence, int max, Duration wait) throws InterruptedException {
        checkOpen();
        return reader.read(afterSequence, max, wait);
    }

    /**
     * {@inheritDoc} A sequence at or below the current mark changes nothing.
     *
     * @throws IllegalArgumentException when {@code sequence} is beyond {@link #lastSequence()}
     * @throws UncheckedIOException     when the mark cannot be stored; the previous mark stays in force
     */
    @Override
    public void markProcessed(long sequence) {
        synchronized (markLock) {
            checkOpen();
            if (sequence <= log.processedSequence()) {
                return;
            }
            long last = log.lastSequence();
            if (sequence > last) {
                throw new IllegalArgumentException("cannot mark sequence " + sequence
                        + " processed: the last spooled sequence is " + last);
            }
            try {
                markFile.store(sequence);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the spool's processed mark in " + directory.path(), e);
            }
            deleteSegmentFiles(log.markProcessed(sequence));
        }
    }

    @Override
    public long processedSequence() {
        return log.processedSequence();
    }

    @Override
    public long lastSequence() {
        return log.lastSequence();
    }

    @Override
    public String eventId(long sequence) {
        return identity.eventId(sequence);
    }

    @Override
    public long backlogBytes() {
        return log.backlogBytes();
    }

    @Override
    public SpoolStats stats() {
        return writer.stats(truncatedBytesAtOpen, log.segmentCount());
    }

    /** Waits for the appends under way, then releases the files and the folder. Reads waiting return nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (directory) {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the spool in " + directory.path(), e);
        } finally {
            log.close();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the spool in " + directory.path() + " is closed");
        }
    }

    /** A segment file that cannot be deleted now is deleted the next time the spool opens (see SpoolRecovery). */
    private static void deleteSegmentFiles(List<Segment> segments) {
        for (Segment segment : segments) {
            try {
                Files.deleteIfExists(segment.path());
            } catch (IOException e) {
                // left for the next open, which deletes segments that hold only processed events
            }
        }
    }
}
