package dev.vigil.intel.match;

/**
 * A bitmap kept next to the slots of a {@link TextTable}, four bits per slot, each bit covering one bucket of key
 * hashes. A clear bit proves that no key with a hash in its bucket is stored, so a lookup of an absent name or URL
 * (most values in events, and most of the parent domains a name walk probes) usually ends here, in a few megabytes that
 * stay in the caches, instead of with a cache and TLB miss in slots of tens of megabytes. A set bit proves nothing: the
 * slots are probed as before. (The IPv4 and digest tables were measured with it too and gained nothing; see
 * docs/BENCHMARKS.md.)
 */
final class HashFilter {

    private static final int BITS_PER_SLOT = 4;
    private static final int MAX_BITS_LOG2 = 30;

    private final long[] words;
    /** 32 minus the log2 of the bit count: the bucket is the top bits of the spread hash. */
    private final int shift;

    /** A filter for a table of {@code slots} slots (a power of two). */
    HashFilter(int slots) {
        int bitsLog2 = Math.min(MAX_BITS_LOG2, Integer.numberOfTrailingZeros(slots * BITS_PER_SLOT));
        bitsLog2 = Math.max(6, bitsLog2);
        this.words = new long[1 << (bitsLog2 - 6)];
        this.shift = 32 - bitsLog2;
    }

    void add(int hash) {
        int bit = bucket(hash);
        words[bit >>> 6] |= 1L << bit;
    }

    /** False when no key with this hash was added; true when one may have been. */
    boolean mayContain(int hash) {
        int bit = bucket(hash);
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    private int bucket(int hash) {
        // A multiplicative step, so the bucket does not reuse the low bits the table's slot index is taken from.
        return (hash * 0x9E3779B9) >>> shift;
    }
}
