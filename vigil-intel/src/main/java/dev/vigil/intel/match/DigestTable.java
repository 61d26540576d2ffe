package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * File hashes of one length (MD5, SHA-1 or SHA-256) stored as raw bits in one {@code long[]} arena with open
 * addressing: 16-32 bytes per digest instead of a 100+ byte hex {@code String} plus map node, and lookups parse the
 * event's hex text straight into longs (any case, surrounding whitespace ignored) without allocating.
 */
final class DigestTable {

    private final int hexDigits;
    private final int words;
    private long[] keys;
    /** Posting per slot encoded by {@link SharedPostings}; {@link #EMPTY} marks a free slot. */
    private int[] values;
    private final SharedPostings shared = new SharedPostings();
    private int size;

    private static final int EMPTY = Integer.MIN_VALUE;

    DigestTable(int hexDigits) {
        this.hexDigits = hexDigits;
        this.words = (hexDigits + 15) / 16;
        allocate(16);
    }

    /** Adds a digest given as exactly {@code hexDigits} hex digits (already validated). */
    void add(String hex, int ordinal) {
        long[] key = new long[words];
        if (!parse(hex, key)) {
            throw new IllegalArgumentException("not " + hexDigits + " hex digits: " + hex);
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int slot = slotOf(key);
        if (values[slot] == EMPTY) {
            System.arraycopy(key, 0, keys, slot * words, words);
            values[slot] = ordinal;
            size++;
        } else {
            values[slot] = shared.add(values[slot], ordinal);
        }
    }

    /** Visits the ordinals stored under the digest written in {@code text}; nothing when it is not such a digest. */
    void forEach(String text, PostingVisitor visitor) {
        long[] key = new long[words];
        if (!parse(text, key)) {
            return;
        }
        int slot = slotOf(key);
        if (values[slot] != EMPTY) {
            shared.visit(values[slot], visitor);
        }
    }

    int size() {
        return size;
    }

    /** Parses {@code text} (surrounding whitespace ignored) into {@code key}; false unless it has hexDigits digits. */
    private boolean parse(String text, long[] key) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to - from != hexDigits) {
            return false;
        }
        Arrays.fill(key, 0L);
        for (int i = 0; i < hexDigits; i++) {
            int digit = hexValue(text.charAt(from + i));
            if (digit < 0) {
                return false;
            }
            key[i >> 4] |= ((long) digit) << (60 - 4 * (i & 15));
        }
        return true;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private int slotOf(long[] key) {
        int mask = values.length - 1;
        int slot = hash(key) & mask;
        while (values[slot] != EMPTY && !sameKey(slot, key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean sameKey(int slot, long[] key) {
        int base = slot * words;
        for (int w = 0; w < words; w++) {
            if (keys[base + w] != key[w]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(long[] key) {
        // Digests are uniformly distributed already; fold the first word.
        long h = key[0] * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void allocate(int capacity) {
        keys = new long[capacity * words];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        long[] key = new long[words];
        for (int slot = 0; slot < oldValues.length; slot++) {
            if (oldValues[slot] != EMPTY) {
                System.arraycopy(oldKeys, slot * words, key, 0, words);
                int target = slotOf(key);
                System.arraycopy(key, 0, keys, target * words, words);
                values[target] = oldValues[slot];
            }
        }
    }
}
