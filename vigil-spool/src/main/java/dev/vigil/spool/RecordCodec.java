package dev.vigil.spool;

import dev.vigil.events.RawEvent;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * The binary layout of a segment file: a sequence of entries, big-endian, each framed as
 * <pre>
 *   u32 body length | u32 CRC32C of the body | body
 * </pre>
 * where the body's first byte says what it holds:
 * <pre>
 *   EVENT  0x01 | u64 sequence | i64 receivedAt epoch seconds | i32 receivedAt nanos
 *               | inputId, tenant, format, sourceAddress, each u16 length + UTF-8 | payload (the rest of the body)
 *   BATCH  0x02 | u64 first sequence | i32 event count | i32 bytes of the event entries that follow
 * </pre>
 * Every write to a segment is one BATCH entry followed by its events; the header lets recovery tell how far the last
 * write reached (see {@link SegmentRecovery}).
 */
final class RecordCodec {

    static final int FRAME_BYTES = 8;
    static final byte EVENT = 1;
    static final byte BATCH = 2;
    static final int BATCH_BODY_BYTES = 1 + 8 + 4 + 4;
    static final int BATCH_ENTRY_BYTES = FRAME_BYTES + BATCH_BODY_BYTES;

    private static final int MAX_STRING_BYTES = 0xFFFF;
    private static final int EVENT_FIXED_BODY_BYTES = 1 + 8 + 8 + 4 + 4 * 2;
    /** No valid body is longer; a larger length field is damage, not a reason to allocate. */
    static final int MAX_BODY_BYTES = (int) (EVENT_FIXED_BODY_BYTES + 4L * MAX_STRING_BYTES
            + SpoolSettings.MAX_EVENT_BYTES_LIMIT);

    private RecordCodec() {
    }

    /** The whole entry for one event, with sequence and checksum still zero: {@link #seal} fills them in. */
    static byte[] encodeEvent(RawEvent event) {
        byte[] inputId = utf8("inputId", event.inputId());
        byte[] tenant = utf8("tenant", event.tenant());
        byte[] format = utf8("format", event.format());
        byte[] sourceAddress = utf8("sourceAddress", event.sourceAddress());
        int bodyLength = EVENT_FIXED_BODY_BYTES + inputId.length + tenant.length + format.length
                + sourceAddress.length + event.payload().length;
        ByteBuffer entry = ByteBuffer.allocate(FRAME_BYTES + bodyLength);
        entry.putInt(bodyLength).putInt(0).put(EVENT).putLong(0)
                .putLong(event.receivedAt().getEpochSecond()).putInt(event.receivedAt().getNano());
        putString(entry, inputId);
        putString(entry, tenant);
        putString(entry, format);
        putString(entry, sourceAddress);
        entry.put(event.payload());
        return entry.array();
    }

    /** Writes the sequence and the checksum into an event entry produced by {@link #encodeEvent}. */
    static void seal(byte[] buffer, int entryOffset, long sequence) {
        ByteBuffer entry = ByteBuffer.wrap(buffer);
        entry.putLong(entryOffset + FRAME_BYTES + 1, sequence);
        int bodyLength = entry.getInt(entryOffset);
        entry.putInt(entryOffset + 4, checksum(buffer, entryOffset + FRAME_BYTES, bodyLength));
    }

    static void writeBatchHeader(byte[] buffer, int offset, long firstSequence, int count, int eventBytes) {
        ByteBuffer entry = ByteBuffer.wrap(buffer, offset, BATCH_ENTRY_BYTES);
        entry.putInt(BATCH_BODY_BYTES).putInt(0).put(BATCH).putLong(firstSequence).putInt(count).putInt(eventBytes);
        entry.putInt(offset + 4, checksum(buffer, offset + FRAME_BYTES, BATCH_BODY_BYTES));
    }

    static int checksum(byte[] buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer, offset, length);
        return (int) crc.getValue();
    }

    static int checksum(ByteBuffer body) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        return (int) crc.getValue();
    }

    static byte type(ByteBuffer body) {
        return body.get(body.position());
    }

    static long eventSequence(ByteBuffer body) {
        return body.getLong(body.position() + 1);
    }

    static RawEvent decodeEvent(ByteBuffer body) {
        ByteBuffer in = body.duplicate();
        in.position(in.position() + 1 + 8);
        Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        String inputId = getString(in);
        String tenant = getString(in);
        String format = getString(in);
        String sourceAddress = getString(in);
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new RawEvent(inputId, tenant, format, receivedAt, sourceAddress, payload);
    }

    static BatchHeader decodeBatch(ByteBuffer body) {
        ByteBuffer in = body.duplicate();
        in.position(in.position() + 1);
        return new BatchHeader(in.getLong(), in.getInt(), in.getInt());
    }

    /** The header that starts every write: {@code count} events from {@code firstSequence} in {@code eventBytes}. */
    record BatchHeader(long firstSequence, int count, int eventBytes) {
    }

    private static byte[] utf8(String field, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("event " + field + " is " + bytes.length
                    + " bytes in UTF-8; the spool takes at most " + MAX_STRING_BYTES);
        }
        return bytes;
    }

    private static void putString(ByteBuffer entry, byte[] bytes) {
        entry.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
