package dev.vigil.intel.match;

import dev.vigil.intel.canonical.Ipv4Network;

import java.util.Arrays;

/**
 * IPv4 CIDR indicators as sorted, disjoint address intervals. CIDR blocks are either nested or disjoint, so cutting the
 * address space at every block start and end gives intervals each covered by one chain of nested blocks: an interval
 * stores only its innermost block, and each block its direct parent. A lookup finds the interval (a table on the top
 * 16 address bits narrows a binary search over 16-bit boundary remainders to a few entries), then walks the parent
 * chain, so it reports every containing network at a cost independent of how many prefix lengths the feeds use.
 */
final class Ipv4NetworkTable {

    private static final int BUCKETS = 1 << 16;

    /** For each value of the top 16 address bits, the index of the first boundary at or after it (65537 entries). */
    private final int[] bucketStart;
    /** Low 16 bits of each interval start, in address order (the bucket supplies the high bits). */
    private final char[] boundaryLow;
    /** Innermost block covering each interval, or -1 for a gap. */
    private final int[] innermost;
    /**
     * Per block, its direct parent (high 32 bits, -1 for none) and its encoded postings (low 32 bits): one read per
     * level of the parent walk, as the two are always needed together.
     */
    private final long[] chain;
    private final SharedPostings shared;

    private Ipv4NetworkTable(int[] bucketStart, char[] boundaryLow, int[] innermost, long[] chain, SharedPostings shared) {
        this.bucketStart = bucketStart;
        this.boundaryLow = boundaryLow;
        this.innermost = innermost;
        this.chain = chain;
        this.shared = shared;
    }

    /** The innermost block containing {@code address} (unsigned 32-bit), or -1 when no network contains it. */
    int innermostContaining(long address) {
        int bucket = (int) (address >>> 16);
        int low = (int) address & 0xFFFF;
        int lo = bucketStart[bucket];
        int hi = bucketStart[bucket + 1] - 1;
        int found = lo - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (boundaryLow[mid] <= low) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : innermost[found];
    }

    /** The block directly containing {@code block}, or -1. */
    int parent(int block) {
        return (int) (chain[block] >> 32);
    }

    /** The encoded postings of {@code block} (see {@link #postings()}). */
    int postings(int block) {
        return (int) chain[block];
    }

    SharedPostings postings() {
        return shared;
    }

    int blocks() {
        return chain.length;
    }

    /** Collects networks; {@link #build()} sorts them into intervals and may be called again after more adds. */
    static final class Builder {

        /** network << 6 | prefix length: sorts by start, a wider block before the blocks nested at its start. */
        private long[] keys = new long[16];
        private int[] ordinals = new int[16];
        private int count;

        void add(Ipv4Network network, int ordinal) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                ordinals = Arrays.copyOf(ordinals, count * 2);
            }
            keys[count] = network.network() << 6 | network.prefixLength();
            ordinals[count] = ordinal;
            count++;
        }

        Ipv4NetworkTable build() {
            long[] blocks = distinctSorted();
            int[] postings = new int[blocks.length];
            Arrays.fill(postings, SharedPostings.NONE);
            SharedPostings shared = new SharedPostings();
            for (int i = 0; i < count; i++) {
                int block = Arrays.binarySearch(blocks, keys[i]);
                postings[block] = postings[block] == SharedPostings.NONE
                        ? ordinals[i] : shared.add(postings[block], ordinals[i]);
            }
            Intervals intervals = new Intervals(blocks.length);
            int[] parent = new int[blocks.length];
            int[] stack = new int[34];
            int depth = 0;
            for (int block = 0; block < blocks.length; block++) {
                long start = blocks[block] >>> 6;
                while (depth > 0 && end(blocks[stack[depth - 1]]) <= start) {
                    depth--;
                    intervals.add(end(blocks[stack[depth]]), depth > 0 ? stack[depth - 1] : -1);
                }
                parent[block] = depth > 0 ? stack[depth - 1] : -1;
                stack[depth++] = block;
                intervals.add(start, block);
            }
            while (depth > 0) {
                depth--;
                intervals.add(end(blocks[stack[depth]]), depth > 0 ? stack[depth - 1] : -1);
            }
            return intervals.table(parent, postings, shared);
        }

        private long[] distinctSorted() {
            long[] sorted = Arrays.copyOf(keys, count);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, distinct);
        }

        /** First address after the block (may be 2^32). */
        private static long end(long key) {
            return (key >>> 6) + (1L << (32 - (int) (key & 63)));
        }
    }

    /** Interval starts in non-decreasing order; a later start at the same address replaces the earlier one. */
    private static final class Intervals {

        private long[] starts;
        private int[] innermost;
        private int count;

        Intervals(int blocks) {
            starts = new long[Math.max(16, blocks * 2)];
            innermost = new int[starts.length];
        }

        void add(long start, int block) {
            if (start > 0xFFFF_FFFFL) {
                return;
            }
            if (count > 0 && starts[count - 1] == start) {
                innermost[count - 1] = block;
                return;
            }
            starts[count] = start;
            innermost[count] = block;
            count++;
        }

        Ipv4NetworkTable table(int[] parent, int[] postings, SharedPostings shared) {
            long[] chain = new long[parent.length];
            for (int block = 0; block < chain.length; block++) {
                chain[block] = (long) parent[block] << 32 | postings[block] & 0xFFFF_FFFFL;
            }
            int[] bucketStart = new int[BUCKETS + 1];
            int next = 0;
            for (int bucket = 0; bucket <= BUCKETS; bucket++) {
                long bucketAddress = (long) bucket << 16;
                while (next < count && starts[next] < bucketAddress) {
                    next++;
                }
                bucketStart[bucket] = next;
            }
            char[] low = new char[count];
            for (int i = 0; i < count; i++) {
                low[i] = (char) (starts[i] & 0xFFFF);
            }
            return new Ipv4NetworkTable(bucketStart, low, Arrays.copyOf(innermost, count), chain, shared);
        }
    }
}
