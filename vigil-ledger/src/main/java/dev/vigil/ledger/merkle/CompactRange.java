package dev.vigil.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: the roots of the perfect subtrees that make up {@code [0, size)}.
 * Appending is amortised O(1) hashing and the root of the current size costs O(log n), so a verifier can stream
 * millions of leaves in constant memory and still obtain the tree head at any size it passes.
 */
public final class CompactRange {

    /** hashes.get(i) covers a perfect subtree; sizes strictly decrease from left to right. */
    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    /** An independent copy of this range. */
    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.hashes.addAll(hashes);
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        byte[] carry = leafHash;
        // Each trailing 1-bit of size is a perfect subtree of the same height as the carry: merge them.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = MerkleHash.node(hashes.removeLast(), carry);
        }
        hashes.add(carry);
        size++;
    }

    /** {@code MTH(D[0:size])}. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root;
    }
}
