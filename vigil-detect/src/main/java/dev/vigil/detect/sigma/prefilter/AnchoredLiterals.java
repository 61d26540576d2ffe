package dev.vigil.detect.sigma.prefilter;

import java.util.List;
import java.util.TreeSet;

/**
 * Finds which of many literals a text starts with (or ends with): for each literal length present, the hash of the
 * text's first (last) characters of that length is looked up in an open-addressing table, then the text is compared.
 * Work per text is bounded by the longest literal, whatever the number of literals, and nothing is allocated. A bit set
 * of the keys, a few bits per literal, answers most lookups without touching the table (which for thousands of
 * literals is not in cache). Immutable and thread-safe.
 */
final class AnchoredLiterals {

    private final boolean suffix;
    private final int[] lengths;
    private final long[] keys;
    private final String[] texts;
    private final int[] ids;
    private final int mask;
    private final long[] filter;
    private final int filterMask;

    /**
     * @param literals distinct non-empty literals
     * @param ids      the id reported for each literal
     * @param suffix   true to find literals the text ends with, false for those it starts with
     */
    AnchoredLiterals(List<String> literals, int[] ids, boolean suffix) {
        this.suffix = suffix;
        TreeSet<Integer> distinctLengths = new TreeSet<>();
        literals.forEach(l -> distinctLengths.add(l.length()));
        lengths = distinctLengths.stream().mapToInt(Integer::intValue).toArray();
        int capacity = Integer.highestOneBit(Math.max(4, literals.size() * 2 + 1) * 2 - 1);
        keys = new long[capacity];
        texts = new String[capacity];
        this.ids = new int[capacity];
        mask = capacity - 1;
        int filterBits = Integer.highestOneBit(Math.max(64, literals.size() * 16) * 2 - 1);
        filter = new long[filterBits >>> 6];
        filterMask = filterBits - 1;
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            long hash = 0;
            for (int k = 0; k < literal.length(); k++) {
                hash = step(hash, literal.charAt(suffix ? literal.length() - 1 - k : k));
            }
            long key = key(hash, literal.length());
            int slot = slot(key);
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            int bit = filterBit(key);
            filter[bit >>> 6] |= 1L << bit;
            texts[slot] = literal;
            this.ids[slot] = ids[i];
        }
    }

    private static long step(long hash, char c) {
        return hash * 0x100000001B3L + c;
    }

    /** Never 0, which marks an empty slot. */
    private static long key(long hash, int length) {
        long h = (hash ^ length) * 0x9E3779B97F4A7C15L;
        return h == 0 ? 1 : h;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private int filterBit(long key) {
        return (int) (key >>> 40) & filterMask;
    }

    /** Sets the bit of every literal the text starts (ends) with in {@code found}. */
    void find(String text, long[] found) {
        int n = text.length();
        long hash = 0;
        int next = 0;
        for (int k = 1; k <= n && next < lengths.length; k++) {
            hash = step(hash, text.charAt(suffix ? n - k : k - 1));
            if (k != lengths[next]) {
                continue;
            }
            next++;
            long key = key(hash, k);
            int bit = filterBit(key);
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            int start = suffix ? n - k : 0;
            for (int slot = slot(key); keys[slot] != 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key && texts[slot].length() == k && text.regionMatches(start, texts[slot], 0, k)) {
                    int id = ids[slot];
                    found[id >>> 6] |= 1L << id;
                }
            }
        }
    }
}
