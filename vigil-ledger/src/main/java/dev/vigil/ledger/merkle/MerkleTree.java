package dev.vigil.ledger.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.vigil.ledger.store.LeafHashStore;

/**
 * Tree heads and proofs (RFC 9162 §2.1.2 – §2.1.4) over the leaves of a {@link LeafHashStore}, for any tree size up to
 * the store's size. Hashes of perfect subtrees of {@value #CACHE_FROM_LEVEL} levels and more (256+ leaves) are cached
 * in memory (about 1/256 of the leaf file), so a tree head or proof at millions of leaves reads at most a few hundred
 * leaf hashes per proof element. The cache fills lazily on first use and is shared by all callers.
 */
public final class MerkleTree {

    static final int CACHE_FROM_LEVEL = 8;

    private final LeafHashStore leaves;
    private final List<PerfectSubtreeCache> cacheByLevel = new ArrayList<>();

    public MerkleTree(LeafHashStore leaves) {
        this.leaves = leaves;
    }

    /** Number of (durable) leaves available. */
    public long size() {
        return leaves.size();
    }

    /** {@code MTH(D[0:treeSize])}. */
    public byte[] rootHash(long treeSize) {
        requireSize(treeSize);
        return treeSize == 0 ? MerkleHash.emptyRoot() : subtreeHash(0, treeSize);
    }

    /** {@code PATH(index, D[0:treeSize])}, bottom-up. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long n = treeSize;
        long m = index;
        while (n > 1) {
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                path.add(subtreeHash(start + k, n - k));
                n = k;
            } else {
                path.add(subtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /** {@code PROOF(size1, D[0:size2])}; {@code 0 < size1 <= size2}. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size2);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        long start = 0;
        long m = size1;
        long n = size2;
        boolean completeSubtree = true;
        while (m != n) {
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                proof.add(subtreeHash(start + k, n - k));
                n = k;
            } else {
                proof.add(subtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
                completeSubtree = false;
            }
        }
        if (!completeSubtree) {
            proof.add(subtreeHash(start, n));
        }
        Collections.reverse(proof);
        return proof;
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > leaves.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + leaves.size());
        }
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** {@code MTH(D[start:start+count])}, count ≥ 1, with {@code start} aligned as in the RFC recursion. */
    private byte[] subtreeHash(long start, long count) {
        if (Long.bitCount(count) == 1) {
            int level = Long.numberOfTrailingZeros(count);
            return perfectSubtreeHash(level, start >>> level);
        }
        long k = largestPowerOfTwoBelow(count);
        return MerkleHash.node(subtreeHash(start, k), subtreeHash(start + k, count - k));
    }

    private byte[] perfectSubtreeHash(int level, long index) {
        if (level < CACHE_FROM_LEVEL) {
            return hashLeafRange(index << level, 1 << level);
        }
        synchronized (cacheByLevel) {
            return cachedPerfectSubtreeHash(level, index);
        }
    }

    private byte[] cachedPerfectSubtreeHash(int level, long index) {
        while (cacheByLevel.size() <= level - CACHE_FROM_LEVEL) {
            cacheByLevel.add(new PerfectSubtreeCache());
        }
        PerfectSubtreeCache cache = cacheByLevel.get(level - CACHE_FROM_LEVEL);
        while (cache.count() <= index) {
            long next = cache.count();
            cache.add(level == CACHE_FROM_LEVEL
                    ? hashLeafRange(next << level, 1 << level)
                    : MerkleHash.node(cachedPerfectSubtreeHash(level - 1, 2 * next),
                            cachedPerfectSubtreeHash(level - 1, 2 * next + 1)));
        }
        return cache.get(index);
    }

    /** Hash of the perfect subtree over {@code count} (a power of two, ≤ 256) leaves from {@code start}. */
    private byte[] hashLeafRange(long start, int count) {
        byte[] buffer = new byte[count * MerkleHash.SIZE];
        try {
            leaves.readLeafHashes(start, count, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read leaf hashes " + start + ".." + (start + count - 1), e);
        }
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            level[i] = Arrays.copyOfRange(buffer, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
