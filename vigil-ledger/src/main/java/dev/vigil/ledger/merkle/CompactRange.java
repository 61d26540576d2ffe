package dev.vigil.ledger.merkle;

import java.util.Arrays;

/**
 * The right edge of a growing Merkle tree: the roots of the perfect subtrees that make up {@code [0, size)}.
 * Appending is amortised O(1) hashing and the root of the current size costs O(log n), so a verifier can stream
 * millions of leaves in constant memory and still obtain the tree head at any size it passes. Appending allocates
 * nothing: the subtree roots live in one array and are hashed in place.
 */
public final class CompactRange {

    /** One subtree root per set bit of a 64-bit size. */
    private static final int MAX_SUBTREES = 64;

    /**
     * Subtree roots, {@code SIZE} bytes each, {@code count} of them; each covers a perfect subtree and their sizes
     * strictly decrease from left to right.
     */
    private final byte[] hashes = new byte[MAX_SUBTREES * MerkleHash.SIZE];
    private int count;
    private long size;

    /** An independent copy of this range. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        System.arraycopy(hashes, 0, copy.hashes, 0, count * MerkleHash.SIZE);
        copy.count = count;
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleHash.SIZE + " bytes, not " + leafHash.length);
        }
        append(leafHash, 0);
    }

    /** Appends the leaf hash at {@code leafHashes[offset, offset + SIZE)}. */
    public void append(byte[] leafHashes, int offset) {
        System.arraycopy(leafHashes, offset, hashes, count * MerkleHash.SIZE, MerkleHash.SIZE);
        count++;
        // Each trailing 1-bit of size is a perfect subtree of the same height as the new one: merge them.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            int right = (count - 1) * MerkleHash.SIZE;
            int left = right - MerkleHash.SIZE;
            MerkleHash.node(hashes, left, hashes, right, hashes, left);
            count--;
        }
        size++;
    }

    /** {@code MTH(D[0:size])}. */
    public byte[] root() {
        if (count == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = Arrays.copyOfRange(hashes, (count - 1) * MerkleHash.SIZE, count * MerkleHash.SIZE);
        for (int i = count - 2; i >= 0; i--) {
            MerkleHash.node(hashes, i * MerkleHash.SIZE, root, 0, root, 0);
        }
        return root;
    }
}
