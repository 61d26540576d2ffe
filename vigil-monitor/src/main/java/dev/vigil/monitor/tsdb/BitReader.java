package dev.vigil.monitor.tsdb;

/** Reads bits, most significant first, from a byte array (the counterpart of {@link BitWriter}). */
final class BitReader {

    private final byte[] bytes;
    private long position;

    BitReader(byte[] bytes, int offsetBytes) {
        this.bytes = bytes;
        this.position = (long) offsetBytes << 3;
    }

    /** Reads {@code count} bits (0 to 64) as an unsigned number. */
    long read(int count) {
        long value = 0;
        int remaining = count;
        while (remaining > 0) {
            int byteIndex = (int) (position >>> 3);
            if (byteIndex >= bytes.length) {
                throw new IllegalStateException("chunk ends early");
            }
            int available = 8 - (int) (position & 7);
            int take = Math.min(available, remaining);
            int bits = (bytes[byteIndex] >>> (available - take)) & ((1 << take) - 1);
            value = (value << take) | bits;
            remaining -= take;
            position += take;
        }
        return value;
    }

    boolean readBit() {
        int byteIndex = (int) (position >>> 3);
        if (byteIndex >= bytes.length) {
            throw new IllegalStateException("chunk ends early");
        }
        boolean bit = ((bytes[byteIndex] >>> (7 - (int) (position & 7))) & 1) != 0;
        position++;
        return bit;
    }
}
