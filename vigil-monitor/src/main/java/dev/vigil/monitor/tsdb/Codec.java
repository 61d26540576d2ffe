package dev.vigil.monitor.tsdb;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import dev.vigil.monitor.promql.model.Labels;

/** Varints and label sets in the store's files (WAL, checkpoint, block index). */
final class Codec {

    private Codec() {
    }

    static void writeVarint(DataOutput out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static long readVarint(DataInput in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    static void writeZigzag(DataOutput out, long value) throws IOException {
        writeVarint(out, (value << 1) ^ (value >> 63));
    }

    static long readZigzag(DataInput in) throws IOException {
        long v = readVarint(in);
        return (v >>> 1) ^ -(v & 1);
    }

    static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        long length = readVarint(in);
        if (length > 1 << 24) {
            throw new IOException("string of " + length + " bytes");
        }
        byte[] bytes = new byte[(int) length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeLabels(DataOutput out, Labels labels) throws IOException {
        writeVarint(out, labels.size());
        for (var e : labels.asMap().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    static Labels readLabels(DataInput in) throws IOException {
        long count = readVarint(in);
        if (count > 10_000) {
            throw new IOException(count + " labels");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            map.put(readString(in), readString(in));
        }
        return Labels.of(map);
    }

    static void writeChunk(DataOutput out, Chunk chunk) throws IOException {
        out.writeLong(chunk.minTime());
        out.writeLong(chunk.maxTime());
        writeVarint(out, chunk.data().length);
        out.write(chunk.data());
    }

    static Chunk readChunk(DataInput in) throws IOException {
        long min = in.readLong();
        long max = in.readLong();
        long length = readVarint(in);
        if (length > 1 << 26) {
            throw new IOException("chunk of " + length + " bytes");
        }
        byte[] data = new byte[(int) length];
        in.readFully(data);
        return new Chunk(min, max, data);
    }
}
