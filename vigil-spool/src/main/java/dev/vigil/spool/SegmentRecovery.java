package dev.vigil.spool;

import dev.vigil.spool.EntryReader.Entry;
import dev.vigil.spool.RecordCodec.BatchHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Checks a segment file when the spool opens, every entry and checksum, and finds where its valid data ends.
 *
 * <p>A crash can only damage the last write: the writer syncs each write before it starts the next one, and a segment
 * before it starts the next segment. Damage is therefore taken for a torn write, and cut off, only in the last
 * segment and only when nothing written later follows it:
 * <ul>
 *   <li>damage among the events of a batch whose header is intact: the file must end within that batch;</li>
 *   <li>a damaged batch header: no intact batch header of that or a later sequence may follow.</li>
 * </ul>
 * Anything else means data that was durable got damaged afterwards, and the spool refuses to open.
 */
final class SegmentRecovery {

    private static final int SEARCH_WINDOW_BYTES = 1 << 20;

    /** The segment as far as it is valid, and how many bytes of a torn write were cut off its end. */
    record Recovered(Segment segment, long truncatedBytes) {
    }

    private SegmentRecovery() {
    }

    static Recovered recover(FileChannel channel, Path path, long firstSequence, boolean last) throws IOException {
        long size = channel.size();
        SparseIndex index = new SparseIndex();
        EntryReader reader = new EntryReader(channel, 0, size);
        long next = firstSequence;
        while (true) {
            long batchStart = reader.position();
            BatchHeader header;
            try {
                header = readHeader(reader, next);
            } catch (DamagedEntryException e) {
                if (last && !batchHeaderFollows(channel, batchStart, size, next)) {
                    return truncated(channel, path, firstSequence, index, batchStart, next - 1, size);
                }
                throw corrupted(path, e, last);
            }
            if (header == null) {
                return new Recovered(new Segment(firstSequence, path, index, size, next - 1), 0);
            }
            long batchEnd = reader.position() + header.eventBytes();
            SparseIndex batchIndex = new SparseIndex();
            try {
                readEvents(reader, header, batchEnd, batchIndex);
            } catch (DamagedEntryException e) {
                if (last && size <= batchEnd) {
                    return truncated(channel, path, firstSequence, index, batchStart, next - 1, size);
                }
                throw corrupted(path, e, last);
            }
            index.offerAll(batchIndex, 0);
            next += header.count();
        }
    }

    /** The header of the batch that must start here, or null at the end of the file. */
    private static BatchHeader readHeader(EntryReader reader, long expectedSequence)
            throws IOException, DamagedEntryException {
        long offset = reader.position();
        Entry entry = reader.next();
        if (entry == null) {
            return null;
        }
        if (entry.type() != RecordCodec.BATCH || entry.body().remaining() != RecordCodec.BATCH_BODY_BYTES) {
            throw new DamagedEntryException(offset, "an entry where a batch header belongs");
        }
        BatchHeader header = RecordCodec.decodeBatch(entry.body());
        if (header.firstSequence() != expectedSequence || header.count() < 1 || header.eventBytes() < 0) {
            throw new DamagedEntryException(offset, "a batch header for sequence " + header.firstSequence()
                    + " where sequence " + expectedSequence + " belongs");
        }
        return header;
    }

    private static void readEvents(EntryReader reader, BatchHeader header, long batchEnd, SparseIndex batchIndex)
            throws IOException, DamagedEntryException {
        for (int i = 0; i < header.count(); i++) {
            long offset = reader.position();
            Entry entry = reader.next();
            if (entry == null || entry.end() > batchEnd) {
                throw new DamagedEntryException(offset, "a batch shorter than its header says");
            }
            long expected = header.firstSequence() + i;
            if (entry.type() != RecordCodec.EVENT || RecordCodec.eventSequence(entry.body()) != expected) {
                throw new DamagedEntryException(offset,
                        "an entry where the event of sequence " + expected + " belongs");
            }
            batchIndex.offer(expected, offset);
        }
        if (reader.position() != batchEnd) {
            throw new DamagedEntryException(reader.position(), "a batch longer than its header says");
        }
    }

    /** Whether an intact batch header for {@code minSequence} or later starts anywhere from {@code from} on. */
    private static boolean batchHeaderFollows(FileChannel channel, long from, long size, long minSequence)
            throws IOException {
        ByteBuffer window = ByteBuffer.allocate(SEARCH_WINDOW_BYTES);
        long start = from;
        while (size - start >= RecordCodec.BATCH_ENTRY_BYTES) {
            window.clear().limit((int) Math.min(SEARCH_WINDOW_BYTES, size - start));
            EntryReader.readFully(channel, window, start);
            window.flip();
            for (int i = 0; i + RecordCodec.BATCH_ENTRY_BYTES <= window.limit(); i++) {
                if (isBatchHeader(window, i, minSequence)) {
                    return true;
                }
            }
            start += window.limit() - RecordCodec.BATCH_ENTRY_BYTES + 1;
        }
        return false;
    }

    private static boolean isBatchHeader(ByteBuffer window, int at, long minSequence) {
        if (window.getInt(at) != RecordCodec.BATCH_BODY_BYTES
                || window.get(at + RecordCodec.FRAME_BYTES) != RecordCodec.BATCH) {
            return false;
        }
        ByteBuffer body = window.slice(at + RecordCodec.FRAME_BYTES, RecordCodec.BATCH_BODY_BYTES);
        return RecordCodec.checksum(body) == window.getInt(at + 4)
                && RecordCodec.decodeBatch(body).firstSequence() >= minSequence;
    }

    private static Recovered truncated(FileChannel channel, Path path, long firstSequence, SparseIndex index,
                                       long validEnd, long lastSequence, long size) throws IOException {
        channel.truncate(validEnd);
        channel.force(false);
        return new Recovered(new Segment(firstSequence, path, index, validEnd, lastSequence), size - validEnd);
    }

    private static SpoolCorruptedException corrupted(Path path, DamagedEntryException damage, boolean last) {
        String why = last
                ? "data written after it follows, so it is not a write torn by a crash"
                : "it is not the last segment, so it is not a write torn by a crash";
        return new SpoolCorruptedException(path, damage.offset(), damage.problem() + "; " + why
                + ". The spool refuses to open rather than drop acknowledged events: restore the file from a backup,"
                + " or move it out of the spool folder to give up its events");
    }
}
