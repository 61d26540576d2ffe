package dev.vigil.detect.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A parsed JSON object: keys and values in document order in two arrays. Objects of events are small, so a linear
 * lookup costs less than hashing every key into a table. A repeated key keeps its first position and its last value,
 * as a {@link java.util.LinkedHashMap} filled in document order would. Read-only once parsed.
 */
final class JsonObject extends AbstractMap<String, Object> {

    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;
    /** one bit per key hash (mod 64): a key whose bit is clear cannot be a repeat */
    private long seen;

    /** Adds a key in parsing order; a repeated key replaces the value. */
    void add(String key, Object value) {
        int hash = key.hashCode();
        long bit = 1L << hash;
        if ((seen & bit) != 0) {
            for (int i = 0; i < size; i++) {
                if (keys[i].hashCode() == hash && keys[i].equals(key)) {
                    values[i] = value;
                    return;
                }
            }
        }
        seen |= bit;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String wanted)) {
            return -1;
        }
        int hash = wanted.hashCode();
        if ((seen & (1L << hash)) == 0) {
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].hashCode() == hash && keys[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
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
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
