package dev.vigil.ledger.store;

import java.io.Closeable;
import java.io.IOException;

/**
 * Append-only sequence of 32-byte Merkle leaf hashes, indexed from 0. Implementations are safe for concurrent use.
 * {@link #append} returns only once the hash is durable (for stores that have durability at all), and
 * {@link #size()} counts only durable hashes, so readers never see a leaf that could be lost.
 */
public interface LeafHashStore extends Closeable {

    /** Appends one leaf hash and returns its index once it is durable. */
    default long append(byte[] leafHash) throws IOException {
        long index = enqueue(leafHash);
        awaitDurable(index + 1);
        return index;
    }

    /**
     * Appends one leaf hash without waiting for durability and returns its index. The leaf becomes visible (counted
     * by {@link #size()}) only once durable; call {@link #awaitDurable} before acknowledging it to anyone.
     */
    long enqueue(byte[] leafHash) throws IOException;

    /** Returns once the first {@code count} leaves are durable; concurrent callers share one flush. */
    void awaitDurable(long count) throws IOException;

    /** The leaf hash at {@code index} ({@code 0 <= index < size()}). */
    byte[] leafHash(long index) throws IOException;

    /**
     * Copies {@code count} consecutive leaf hashes starting at {@code from} into {@code target} (32 bytes each).
     * Stores override this when a bulk read is cheaper than single reads.
     */
    default void readLeafHashes(long from, int count, byte[] target) throws IOException {
        for (int i = 0; i < count; i++) {
            System.arraycopy(leafHash(from + i), 0, target, i * 32, 32);
        }
    }

    long size();

    @Override
    default void close() throws IOException {
    }
}
