package dev.vigil.monitor.tsdb;

import java.util.Arrays;

/** Appends bits, most significant first, to a growing byte array. */
final class BitWriter {

    private byte[] bytes;
    private long bitCount;

    BitWriter(int initialBytes) {
        bytes = new byte[Math.max(8, initialBytes)];
    }

    /** Writes the low {@code count} bits of {@code value} (0 to 64), the highest of them first. */
    void write(long value, int count) {
        for (int written = 0; written < count; ) {
            int byteIndex = (int) (bitCount >>> 3);
            if (byteIndex >= bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int free = 8 - (int) (bitCount & 7);
            int take = Math.min(free, count - written);
            int shift = count - written - take;
            int chunk = (int) ((value >>> shift) & ((1L << take) - 1));
            bytes[byteIndex] |= (byte) (chunk << (free - take));
            written += take;
            bitCount += take;
        }
    }

    void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    long bitCount() {
        return bitCount;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, (int) ((bitCount + 7) >>> 3));
    }
}
