package dev.vigil.detect.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps at most {@code capacity} entries, dropping the least recently used one first. */
final class LruMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;
    private long evictions;

    LruMap(int capacity) {
        super(16, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > capacity) {
            evictions++;
            return true;
        }
        return false;
    }

    long evictions() {
        return evictions;
    }
}
