package dev.vigil.ledger.store;

import java.util.Arrays;
import java.util.Objects;

import dev.vigil.ledger.merkle.MerkleHash;

/** Leaf hashes in one growable byte array (32 bytes per leaf); for tests, verifiers and small ledgers. */
public final class InMemoryLeafHashStore implements LeafHashStore {

    private byte[] hashes = new byte[MerkleHash.SIZE * 1024];
    private volatile long size;

    @Override
    public synchronized long enqueue(byte[] leafHash) {
        requireHash(leafHash);
        long index = size;
        long needed = (index + 1) * MerkleHash.SIZE;
        if (needed > hashes.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("in-memory leaf store is full; use FileLeafHashStore");
            }
            hashes = Arrays.copyOf(hashes, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * hashes.length)));
        }
        System.arraycopy(leafHash, 0, hashes, (int) index * MerkleHash.SIZE, MerkleHash.SIZE);
        size = index + 1;
        return index;
    }

    @Override
    public void awaitDurable(long count) {
        // Memory has no durability to wait for.
    }

    @Override
    public synchronized byte[] leafHash(long index) {
        Objects.checkIndex(index, size);
        int offset = (int) index * MerkleHash.SIZE;
        return Arrays.copyOfRange(hashes, offset, offset + MerkleHash.SIZE);
    }

    @Override
    public synchronized void readLeafHashes(long from, int count, byte[] target) {
        Objects.checkFromIndexSize(from, count, size);
        System.arraycopy(hashes, (int) from * MerkleHash.SIZE, target, 0, count * MerkleHash.SIZE);
    }

    @Override
    public long size() {
        return size;
    }

    static void requireHash(byte[] leafHash) {
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash must be " + MerkleHash.SIZE + " bytes");
        }
    }
}
