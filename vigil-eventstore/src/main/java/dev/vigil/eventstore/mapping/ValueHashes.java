package dev.vigil.eventstore.mapping;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** 64-bit hashes of values (distinct counting, the id order key): keyword bytes and numbers spread over all 64 bits. */
public final class ValueHashes {
    private static final int HIGH_SEED = 0x9747b28c;
    private static final int LOW_SEED = 0x5bd1e995;

    private ValueHashes() {
    }

    /** Two independent 32-bit MurmurHash3 values side by side. */
    public static long ofBytes(BytesRef bytes) {
        long high = StringHelper.murmurhash3_x86_32(bytes, HIGH_SEED);
        long low = StringHelper.murmurhash3_x86_32(bytes, LOW_SEED);
        return (high << 32) | (low & 0xFFFFFFFFL);
    }

    /** The SplitMix64 finalizer: a bijection, so distinct numbers never collide. */
    public static long ofLong(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
