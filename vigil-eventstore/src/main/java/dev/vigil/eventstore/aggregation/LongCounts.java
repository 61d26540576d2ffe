package dev.vigil.eventstore.aggregation;

import dev.vigil.eventstore.mapping.ValueHashes;

/** A count per long key in open-addressing arrays, so counting millions of values boxes nothing. */
final class LongCounts {
    private static final float LOAD = 0.6f;

    private long[] keys;
    private long[] counts;
    private boolean[] used;
    private int size;

    LongCounts() {
        this(16);
    }

    LongCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
        keys = new long[capacity];
        counts = new long[capacity];
        used = new boolean[capacity];
    }

    void add(long key, long count) {
        int slot = slot(key, keys, used);
        if (!used[slot]) {
            used[slot] = true;
            keys[slot] = key;
            size++;
        }
        counts[slot] += count;
        if (size > keys.length * LOAD) {
            grow();
        }
    }

    void increment(long key) {
        add(key, 1);
    }

    int size() {
        return size;
    }

    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                action.accept(keys[i], counts[i]);
            }
        }
    }

    interface Entry {
        void accept(long key, long count);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(oldKeys[i], keys, used);
                used[slot] = true;
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static int slot(long key, long[] keys, boolean[] used) {
        int mask = keys.length - 1;
        int slot = (int) ValueHashes.ofLong(key) & mask;
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
