package dev.vigil.ledger.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Append-only sequence of canonical record lines (without their newline), indexed from 0 like the Merkle leaves.
 * As with {@link LeafHashStore}, {@link #enqueue} is not durable until {@link #awaitDurable} returns.
 */
public interface RecordJournal extends Closeable {

    long enqueue(byte[] line) throws IOException;

    void awaitDurable(long count) throws IOException;

    /** Number of durable records. */
    long size();

    /** Calls {@code consumer} for the durable records with index in {@code [from, to)}, in order. */
    void forEach(long from, long to, LineConsumer consumer) throws IOException;

    /** Writes the first {@code count} records as JSON Lines (each followed by {@code \n}). */
    void writeTo(OutputStream out, long count) throws IOException;

    @FunctionalInterface
    interface LineConsumer {
        void accept(long index, byte[] line) throws IOException;
    }

    @Override
    default void close() throws IOException {
    }
}
