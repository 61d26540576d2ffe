package dev.vigil.spool;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;
import dev.vigil.spool.EntryReader.Entry;
import dev.vigil.spool.SegmentLog.SegmentView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads durable events in sequence order. A read that starts where the previous one stopped continues from the
 * remembered file position; any other read starts from the nearest {@link SparseIndex} position before it.
 *
 * <p>Each read opens its own channels: an interrupt during a read then closes only those, and a segment deleted
 * meanwhile (all its events processed) is simply skipped.
 */
final class SpoolReader {

    /** Where the event after {@code nextSequence - 1} starts. */
    private record Cursor(Segment segment, long nextSequence, long offset) {
    }

    private final SegmentLog log;
    private final SegmentChannelFactory channels;
    private final SpoolIdentity identity;
    private volatile Cursor cursor;

    SpoolReader(SegmentLog log, SegmentChannelFactory channels, SpoolIdentity identity) {
        this.log = log;
        this.channels = channels;
        this.identity = identity;
    }

    List<SpooledEvent> read(long afterSequence, int max, Duration wait) throws InterruptedException {
        if (afterSequence < 0 || max < 1) {
            throw new IllegalArgumentException("read needs afterSequence >= 0 and max >= 1, got " + afterSequence
                    + " and " + max);
        }
        long waitNanos = wait.isNegative() ? 0 : TimeUnit.NANOSECONDS.convert(wait);
        if (!log.awaitAfter(afterSequence, waitNanos)) {
            return List.of();
        }
        List<SpooledEvent> events = new ArrayList<>(Math.min(max, 1024));
        for (SegmentView view : log.after(afterSequence)) {
            try {
                readSegment(view, afterSequence, max, events);
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            } catch (ClosedByInterruptException e) {
                throw new InterruptedException("interrupted while reading the spool");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spool segment " + view.segment().path(), e);
            }
            if (events.size() == max) {
                break;
            }
        }
        return events;
    }

    private void readSegment(SegmentView view, long afterSequence, int max, List<SpooledEvent> events)
            throws IOException {
        Segment segment = view.segment();
        long wanted = Math.max(afterSequence + 1, segment.firstSequence());
        long start = startOffset(segment, wanted);
        if (start >= view.end()) {
            return; // the index can run ahead of the durable end while the writer publishes
        }
        try (FileChannel channel = channels.open(segment.path(), StandardOpenOption.READ)) {
            EntryReader reader = new EntryReader(channel, start, view.end());
            Entry entry;
            while (events.size() < max && (entry = reader.next()) != null) {
                if (entry.type() != RecordCodec.EVENT) {
                    continue;
                }
                long sequence = RecordCodec.eventSequence(entry.body());
                if (sequence >= wanted) {
                    events.add(new SpooledEvent(identity.eventId(sequence), sequence, decode(segment, entry)));
                    cursor = new Cursor(segment, sequence + 1, entry.end());
                }
            }
        } catch (DamagedEntryException e) {
            throw new SpoolCorruptedException(segment.path(), e.offset(), e.problem() + " in data that was durable");
        }
    }

    private long startOffset(Segment segment, long sequence) {
        Cursor last = cursor;
        if (last != null && last.segment() == segment && last.nextSequence() == sequence) {
            return last.offset();
        }
        return segment.index().floor(sequence, segment.firstSequence()).offset();
    }

    private static RawEvent decode(Segment segment, Entry entry) {
        try {
            return RecordCodec.decodeEvent(entry.body());
        } catch (RuntimeException e) {
            throw new SpoolCorruptedException(segment.path(), entry.offset(), "an event entry that does not decode ("
                    + e + ")");
        }
    }
}
