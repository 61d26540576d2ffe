package dev.vigil.spool;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the framed entries of a segment file one after another, from {@code start} up to {@code limit}, through a
 * buffer filled with large positional reads, and checks each entry's checksum.
 */
final class EntryReader {

    private static final int READ_AHEAD_BYTES = 256 << 10;

    /** One entry; {@code body} is only valid until the next call to {@link #next}. */
    record Entry(long offset, int size, ByteBuffer body) {
        long end() {
            return offset + size;
        }

        byte type() {
            return RecordCodec.type(body);
        }
    }

    private final FileChannel channel;
    private final long limit;
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private long bufferStart;
    private long position;

    EntryReader(FileChannel channel, long start, long limit) {
        this.channel = channel;
        this.position = start;
        this.bufferStart = start;
        this.limit = limit;
    }

    /** Where the next entry starts. */
    long position() {
        return position;
    }

    /** The next entry, or null when the reader is exactly at its limit. */
    Entry next() throws IOException, DamagedEntryException {
        long remaining = limit - position;
        if (remaining == 0) {
            return null;
        }
        if (remaining < RecordCodec.FRAME_BYTES) {
            throw new DamagedEntryException(position, "an entry cut short in its frame");
        }
        int at = buffered(RecordCodec.FRAME_BYTES);
        int bodyLength = buffer.getInt(at);
        int checksum = buffer.getInt(at + 4);
        if (bodyLength < 1 || bodyLength > RecordCodec.MAX_BODY_BYTES) {
            throw new DamagedEntryException(position,
                    "an implausible entry length " + Integer.toUnsignedString(bodyLength));
        }
        int size = RecordCodec.FRAME_BYTES + bodyLength;
        if (size > remaining) {
            throw new DamagedEntryException(position, "an entry of " + size + " bytes cut short after " + remaining);
        }
        at = buffered(size);
        ByteBuffer body = buffer.slice(at + RecordCodec.FRAME_BYTES, bodyLength);
        if (RecordCodec.checksum(body) != checksum) {
            throw new DamagedEntryException(position, "a checksum mismatch");
        }
        Entry entry = new Entry(position, size, body);
        position += size;
        return entry;
    }

    /** Makes {@code length} bytes from the current position available in the buffer; returns where they start in it. */
    private int buffered(int length) throws IOException {
        long end = bufferStart + buffer.limit();
        if (position >= bufferStart && position + length <= end) {
            return (int) (position - bufferStart);
        }
        int wanted = (int) Math.min(Math.max(length, READ_AHEAD_BYTES), limit - position);
        if (buffer.capacity() < wanted) {
            buffer = ByteBuffer.allocate(wanted);
        }
        buffer.clear().limit(wanted);
        bufferStart = position;
        readFully(channel, buffer, bufferStart);
        buffer.flip();
        return 0;
    }

    /** Fills the buffer's remaining space from the file, starting at {@code position}. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("the file ends at " + at + ", before the data expected there");
            }
            at += read;
        }
    }
}
