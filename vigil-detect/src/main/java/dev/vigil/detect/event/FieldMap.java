package dev.vigil.detect.event;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The flattened fields of one event: names and values in insertion order in two arrays, found through an
 * open-addressing table of positions. Rules look up tens of fields per event and keyword searches walk all values, so
 * both cost an array access or two instead of a {@link java.util.HashMap}'s nodes and table walk. A repeated name keeps
 * its first position and takes the last value. Read-only for everyone but the normaliser that fills it.
 */
final class FieldMap extends AbstractMap<String, FieldValue> {

    private String[] names;
    private FieldValue[] values;
    private int size;
    /** position + 1 of the name hashed to each slot; 0 for an empty slot; at most half full */
    private int[] slots;
    /** the hash code of each slot's name, so that probing compares names only when their hashes agree */
    private int[] slotHashes;
    private int shift;

    FieldMap(int expected) {
        int capacity = Math.max(8, Integer.highestOneBit(Math.max(1, expected) - 1) << 1);
        names = new String[capacity];
        values = new FieldValue[capacity];
        slots = new int[capacity * 2];
        slotHashes = new int[capacity * 2];
        shift = 32 - Integer.numberOfTrailingZeros(slots.length);
    }

    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** Adds the field, or replaces the value of a field of that name in place. */
    void add(String name, FieldValue value) {
        int hash = name.hashCode();
        int mask = slots.length - 1;
        int slot = slotOf(hash);
        for (int at; (at = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == hash) {
                String existing = names[at - 1];
                if (existing == name || existing.equals(name)) {
                    values[at - 1] = value;
                    return;
                }
            }
        }
        if (size == names.length) {
            grow();
            add(name, value);
            return;
        }
        names[size] = name;
        values[size] = value;
        slotHashes[slot] = hash;
        slots[slot] = ++size;
    }

    private void grow() {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        slots = new int[names.length * 2];
        slotHashes = new int[slots.length];
        shift = 32 - Integer.numberOfTrailingZeros(slots.length);
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int hash = names[i].hashCode();
            int slot = slotOf(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
            slotHashes[slot] = hash;
        }
    }

    private int indexOf(Object key) {
        if (!(key instanceof String name)) {
            return -1;
        }
        int hash = name.hashCode();
        int mask = slots.length - 1;
        for (int slot = slotOf(hash), at; (at = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == hash) {
                String existing = names[at - 1];
                if (existing == name || existing.equals(name)) {
                    return at - 1;
                }
            }
        }
        return -1;
    }

    @Override
    public FieldValue get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Collection<FieldValue> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<FieldValue> iterator() {
                return new Positions<>() {
                    @Override
                    FieldValue at(int i) {
                        return values[i];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, FieldValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, FieldValue>> iterator() {
                return new Positions<>() {
                    @Override
                    Map.Entry<String, FieldValue> at(int i) {
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Iterates the positions in insertion order. */
    private abstract class Positions<T> implements Iterator<T> {
        private int next;

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }
}
