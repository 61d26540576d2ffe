package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * Open-addressing map from a {@code long} key to the ordinals of the indicators sharing it, without boxing: two
 * parallel primitive arrays, plus {@link SharedPostings} lists only for keys held by several indicators. Filled once by the index
 * builder, then only read (it is published through the index snapshot, never mutated afterwards).
 * {@link Long#MIN_VALUE} marks an empty slot and cannot be a key; IPv4 keys are 0..2^32-1.
 */
final class LongPostingMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    /** Postings of each slot, encoded by {@link SharedPostings}. */
    private int[] values;
    private final SharedPostings shared = new SharedPostings();
    private int size;

    LongPostingMap() {
        this(16);
    }

    LongPostingMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
    }

    int size() {
        return size;
    }

    void add(long key, int ordinal) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key reserved for empty slots");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = ordinal;
            size++;
            return;
        }
        values[slot] = shared.add(values[slot], ordinal);
    }

    void forEach(long key, PostingVisitor visitor) {
        long[] table = keys;
        int mask = table.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long found = table[slot];
            if (found == EMPTY) {
                return;
            }
            if (found == key) {
                shared.visit(values[slot], visitor);
                return;
            }
        }
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
