package dev.vigil.eventstore.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The stored form of an event ({@code _source}): one compact binary value from which the event is rebuilt exactly,
 * field order and value types included. Lucene compresses stored fields in blocks on top of this.
 *
 * <pre>
 * version:byte(1) id:string timestamp:instant receivedAt:instant tenant:string inputId:string original:string
 * tags:vint×string fields:vint×(name:string value)
 * instant = seconds:zlong nanos:vint     string = vint length + UTF-8
 * value   = type:byte + STRING string | LONG zlong | DOUBLE 8 bytes (raw bits) | TRUE | FALSE | LIST vint×value
 * </pre>
 *
 * Values outside the event model are widened rather than refused (a store must not stall the pipeline): other
 * integral numbers become Long, other numbers Double, anything else its text.
 */
public final class EventSourceCodec {
    private static final byte VERSION = 1;
    private static final byte STRING = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte TRUE = 3;
    private static final byte FALSE = 4;
    private static final byte LIST = 5;

    public BytesRef encode(Event event) {
        GrowableDataOutput out = new GrowableDataOutput(256 + event.original().length() * 2);
        try {
            out.writeByte(VERSION);
            out.writeString(event.id());
            writeInstant(out, event.timestamp());
            writeInstant(out, event.receivedAt());
            out.writeString(event.tenant());
            out.writeString(event.inputId());
            out.writeString(event.original());
            out.writeVInt(event.tags().size());
            for (String tag : event.tags()) {
                out.writeString(tag);
            }
            out.writeVInt(event.fields().size());
            for (Map.Entry<String, Object> field : event.fields().entrySet()) {
                out.writeString(field.getKey());
                writeValue(out, field.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toBytesRef();
    }

    public Event decode(BytesRef bytes) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Event read(ByteArrayDataInput in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored event has format version " + version + ", this store reads " + VERSION);
        }
        String id = in.readString();
        Instant timestamp = readInstant(in);
        Instant receivedAt = readInstant(in);
        String tenant = in.readString();
        String inputId = in.readString();
        String original = in.readString();
        int tagCount = in.readVInt();
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(in.readString());
        }
        int fieldCount = in.readVInt();
        Map<String, Object> fields = new LinkedHashMap<>((int) (fieldCount / 0.75f) + 1);
        for (int i = 0; i < fieldCount; i++) {
            String name = in.readString();
            fields.put(name, readValue(in));
        }
        return new Event(id, timestamp, receivedAt, tenant, inputId, fields, original, tags);
    }

    private static void writeInstant(DataOutput out, Instant instant) throws IOException {
        out.writeZLong(instant.getEpochSecond());
        out.writeVInt(instant.getNano());
    }

    private static Instant readInstant(ByteArrayDataInput in) throws IOException {
        long seconds = in.readZLong();
        return Instant.ofEpochSecond(seconds, in.readVInt());
    }

    private static void writeValue(DataOutput out, Object value) throws IOException {
        switch (value) {
            case String text -> {
                out.writeByte(STRING);
                out.writeString(text);
            }
            case Long number -> {
                out.writeByte(LONG);
                out.writeZLong(number);
            }
            case Double number -> {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToRawLongBits(number));
            }
            case Boolean flag -> out.writeByte(flag ? TRUE : FALSE);
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeVInt(list.size());
                for (Object element : list) {
                    writeValue(out, element);
                }
            }
            case Integer number -> writeValue(out, number.longValue());
            case Short number -> writeValue(out, number.longValue());
            case Byte number -> writeValue(out, number.longValue());
            case Number number -> writeValue(out, number.doubleValue());
            case null -> writeValue(out, "");
            default -> writeValue(out, value.toString());
        }
    }

    private static Object readValue(ByteArrayDataInput in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case STRING -> in.readString();
            case LONG -> in.readZLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case LIST -> {
                int size = in.readVInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                yield Collections.unmodifiableList(list);
            }
            default -> throw new IllegalStateException("stored event has an unknown value type " + type);
        };
    }
}
