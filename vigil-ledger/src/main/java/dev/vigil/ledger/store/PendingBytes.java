package dev.vigil.ledger.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Bytes written by appenders but not yet flushed to the file; guarded by the owning store's lock. */
final class PendingBytes {

    private byte[] bytes = new byte[4096];
    private int length;

    void add(byte[] data) {
        add(data, 0, data.length);
    }

    void add(byte[] data, int offset, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
        }
        System.arraycopy(data, offset, bytes, length, count);
        length += count;
    }

    /** Removes and returns the pending bytes. */
    ByteBuffer drain() {
        ByteBuffer drained = ByteBuffer.wrap(Arrays.copyOf(bytes, length));
        length = 0;
        return drained;
    }

    boolean isEmpty() {
        return length == 0;
    }
}
