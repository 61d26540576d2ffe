package dev.vigil.ledger.merkle;

import java.util.Arrays;

/**
 * Hashes of the perfect subtrees of one level, filled contiguously from index 0. A perfect subtree never changes in
 * an append-only tree, so once computed a hash stays valid forever.
 */
final class PerfectSubtreeCache {

    private byte[] hashes = new byte[MerkleHash.SIZE * 64];
    private long count;

    long count() {
        return count;
    }

    byte[] get(long index) {
        int offset = Math.toIntExact(index * MerkleHash.SIZE);
        return Arrays.copyOfRange(hashes, offset, offset + MerkleHash.SIZE);
    }

    void add(byte[] hash) {
        int offset = Math.toIntExact(count * MerkleHash.SIZE);
        if (offset + MerkleHash.SIZE > hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        System.arraycopy(hash, 0, hashes, offset, MerkleHash.SIZE);
        count++;
    }
}
