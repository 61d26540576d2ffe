package dev.vigil.monitor.tsdb;

/**
 * The chunk codec (Gorilla, as Prometheus's XOR chunks): a varint sample count, then per sample the timestamp as a
 * delta of deltas in 1, 16, 20, 24 or 68 bits and the value XORed with the previous value, written as one bit when equal
 * or as the meaningful bits inside a window of leading and trailing zeros. A staleness marker keeps its exact value
 * bits behind an escape (the window code "31 leading zeros, 64 meaningful bits", which no XOR produces), so markers
 * cost nothing when absent. Any timestamps (the arithmetic wraps) and any value bits, NaN payloads included, round-trip
 * exactly.
 */
final class XorChunk {

    private static final int ESCAPE_LEADING = 31;
    private static final int ESCAPE_SIGNIFICANT_MINUS_ONE = 63;

    private XorChunk() {
    }

    static byte[] encode(SampleArrays samples, int from, int to) {
        int count = to - from;
        BitWriter out = new BitWriter(16 + count * 2);
        long n = count;
        while (n >= 0x80) {
            out.write((n & 0x7f) | 0x80, 8);
            n >>>= 7;
        }
        out.write(n, 8);
        if (count == 0) {
            return out.toByteArray();
        }
        long prevTime = samples.times[from];
        long prevDelta = 0;
        long prevBits = Double.doubleToRawLongBits(samples.values[from]);
        out.write(prevTime, 64);
        out.writeBit(samples.stale[from]);
        out.write(prevBits, 64);
        int windowLeading = -1;
        int windowTrailing = 0;
        for (int i = from + 1; i < to; i++) {
            long delta = samples.times[i] - prevTime;
            writeDeltaOfDelta(out, delta - prevDelta);
            prevTime = samples.times[i];
            prevDelta = delta;
            long bits = Double.doubleToRawLongBits(samples.values[i]);
            if (samples.stale[i]) {
                out.write(0b11, 2);
                out.write(ESCAPE_LEADING, 5);
                out.write(ESCAPE_SIGNIFICANT_MINUS_ONE, 6);
                out.write(bits, 64);
                continue;
            }
            long xor = bits ^ prevBits;
            prevBits = bits;
            if (xor == 0) {
                out.writeBit(false);
                continue;
            }
            int leading = Math.min(Long.numberOfLeadingZeros(xor), 31);
            int trailing = Long.numberOfTrailingZeros(xor);
            if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                out.write(0b10, 2);
                out.write(xor >>> windowTrailing, 64 - windowLeading - windowTrailing);
            } else {
                int significant = 64 - leading - trailing;
                out.write(0b11, 2);
                out.write(leading, 5);
                out.write(significant - 1, 6);
                out.write(xor >>> trailing, significant);
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
        return out.toByteArray();
    }

    private static void writeDeltaOfDelta(BitWriter out, long dod) {
        if (dod == 0) {
            out.writeBit(false);
        } else if (fits(dod, 14)) {
            out.write(0b10, 2);
            out.write(dod, 14);
        } else if (fits(dod, 17)) {
            out.write(0b110, 3);
            out.write(dod, 17);
        } else if (fits(dod, 20)) {
            out.write(0b1110, 4);
            out.write(dod, 20);
        } else {
            out.write(0b1111, 4);
            out.write(dod, 64);
        }
    }

    private static boolean fits(long value, int bits) {
        return value >= -(1L << (bits - 1)) && value < (1L << (bits - 1));
    }

    /** How many samples the chunk holds. */
    static int count(byte[] chunk) {
        int count = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = chunk[i] & 0xff;
            count |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return count;
            }
        }
    }

    /** Appends the chunk's samples to {@code into}. */
    static void decode(byte[] chunk, SampleArrays into) {
        int count = 0;
        int offset = 0;
        for (int shift = 0; ; shift += 7) {
            int b = chunk[offset++] & 0xff;
            count |= (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (count == 0) {
            return;
        }
        BitReader in = new BitReader(chunk, offset);
        long time = in.read(64);
        boolean isStale = in.readBit();
        long prevBits = in.read(64);
        into.add(time, Double.longBitsToDouble(prevBits), isStale);
        long delta = 0;
        int windowLeading = 0;
        int windowTrailing = 0;
        for (int i = 1; i < count; i++) {
            delta += readDeltaOfDelta(in);
            time += delta;
            if (!in.readBit()) {
                into.add(time, Double.longBitsToDouble(prevBits), false);
                continue;
            }
            if (!in.readBit()) {
                int significant = 64 - windowLeading - windowTrailing;
                prevBits ^= in.read(significant) << windowTrailing;
                into.add(time, Double.longBitsToDouble(prevBits), false);
                continue;
            }
            int leading = (int) in.read(5);
            int significant = (int) in.read(6) + 1;
            if (leading == ESCAPE_LEADING && significant == ESCAPE_SIGNIFICANT_MINUS_ONE + 1) {
                into.add(time, Double.longBitsToDouble(in.read(64)), true);
                continue;
            }
            windowLeading = leading;
            windowTrailing = 64 - leading - significant;
            prevBits ^= in.read(significant) << windowTrailing;
            into.add(time, Double.longBitsToDouble(prevBits), false);
        }
    }

    private static long readDeltaOfDelta(BitReader in) {
        if (!in.readBit()) {
            return 0;
        }
        if (!in.readBit()) {
            return signExtend(in.read(14), 14);
        }
        if (!in.readBit()) {
            return signExtend(in.read(17), 17);
        }
        if (!in.readBit()) {
            return signExtend(in.read(20), 20);
        }
        return in.read(64);
    }

    private static long signExtend(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }
}
