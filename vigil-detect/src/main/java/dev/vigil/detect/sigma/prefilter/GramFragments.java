package dev.vigil.detect.sigma.prefilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many fragments (of at least {@link #GRAM} characters) occur in a text, through one 4-gram of each
 * fragment. Each fragment is represented by its rarest 4-gram among the fragments; a bit set over the hashes of these
 * grams, small enough to stay in the first-level cache (a few bits per fragment), tells at each position of the text
 * whether the 4 characters ending there can be one of them. Only on a hit are the grams looked up and the fragments
 * having that gram compared with the text around it. Unlike an automaton, whose table for thousands of fragments does
 * not fit in cache and costs a dependent lookup per character, the scan does independent work per character over a
 * small table. Reports exactly the fragments that occur. Immutable and thread-safe.
 */
final class GramFragments {

    static final int GRAM = 4;

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** bits of the gram bit set per fragment: about one position in 16 passes it by chance */
    private static final int BITS_PER_FRAGMENT = 16;
    private static final int MIN_BITS = 1 << 12;

    private final long[] filter;
    private final int filterShift;
    /**
     * Open-addressing table of the distinct grams, two longs per slot so that a probe touches one cache line: the gram,
     * then its entries as {@code first << 32 | end} (indexes into {@link #entries}); {@code 0} for an empty slot.
     */
    private final long[] table;
    private final int tableShift;
    /**
     * per entry, {@link #ENTRY_SIZE} ints: the fragment's start and length in {@link #texts}, the gram's offset in it,
     * its id
     */
    private final int[] entries;
    private static final int ENTRY_SIZE = 4;
    /** the fragments' characters, one after the other */
    private final char[] texts;

    /**
     * @param fragments distinct fragments of at least {@link #GRAM} characters
     * @param ids       the id reported for each fragment
     */
    GramFragments(List<String> fragments, int[] ids) {
        Map<Long, Integer> fragmentsPerGram = new HashMap<>();
        for (String fragment : fragments) {
            if (fragment.length() < GRAM) {
                throw new IllegalArgumentException("fragment shorter than " + GRAM + ": " + fragment);
            }
            for (int offset = 0; offset + GRAM <= fragment.length(); offset++) {
                fragmentsPerGram.merge(gram(fragment, offset), 1, Integer::sum);
            }
        }
        Map<Long, List<Integer>> chosen = new LinkedHashMap<>();
        int[] offsets = new int[fragments.size()];
        int totalLength = 0;
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            totalLength += fragment.length();
            // the rarest gram; among equals the last, as fragments differ most at their ends
            int bestCount = Integer.MAX_VALUE;
            for (int offset = 0; offset + GRAM <= fragment.length(); offset++) {
                int count = fragmentsPerGram.get(gram(fragment, offset));
                if (count <= bestCount) {
                    offsets[i] = offset;
                    bestCount = count;
                }
            }
            chosen.computeIfAbsent(gram(fragment, offsets[i]), g -> new ArrayList<>()).add(i);
        }
        int filterBits = Math.max(MIN_BITS, Integer.highestOneBit(fragments.size() * BITS_PER_FRAGMENT - 1) << 1);
        filter = new long[filterBits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
        int slots = Integer.highestOneBit(Math.max(4, chosen.size() * 2) - 1) << 1;
        tableShift = 64 - Integer.numberOfTrailingZeros(slots);
        table = new long[slots * 2];
        entries = new int[fragments.size() * ENTRY_SIZE];
        texts = new char[totalLength];
        int next = 0;
        int textEnd = 0;
        for (Map.Entry<Long, List<Integer>> gram : chosen.entrySet()) {
            long key = gram.getKey();
            long hash = key * MULTIPLIER;
            int bit = (int) (hash >>> filterShift);
            filter[bit >>> 6] |= 1L << bit;
            int slot = (int) (hash >>> tableShift);
            while (table[2 * slot + 1] != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            int first = next;
            for (int fragment : gram.getValue()) {
                String text = fragments.get(fragment);
                text.getChars(0, text.length(), texts, textEnd);
                entries[ENTRY_SIZE * next] = textEnd;
                entries[ENTRY_SIZE * next + 1] = text.length();
                entries[ENTRY_SIZE * next + 2] = offsets[fragment];
                entries[ENTRY_SIZE * next + 3] = ids[fragment];
                textEnd += text.length();
                next++;
            }
            table[2 * slot] = key;
            table[2 * slot + 1] = (long) first << 32 | next;
        }
    }

    /** The {@link #GRAM} characters from {@code offset}, 16 bits each, first character highest. */
    private static long gram(String text, int offset) {
        long gram = 0;
        for (int k = 0; k < GRAM; k++) {
            gram = (gram << 16) | text.charAt(offset + k);
        }
        return gram;
    }

    /** Sets in {@code found} the bit of every fragment occurring in {@code text}. */
    void find(String text, long[] found) {
        long[] bits = filter;
        int shift = filterShift;
        long window = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            window = (window << 16) | text.charAt(i);
            int bit = (int) ((window * MULTIPLIER) >>> shift);
            if ((bits[bit >>> 6] & (1L << bit)) != 0 && i >= GRAM - 1) {
                verify(window, i - (GRAM - 1), text, found);
            }
        }
    }

    private void verify(long gram, int at, String text, long[] found) {
        int mask = (table.length >>> 1) - 1;
        int slot = (int) ((gram * MULTIPLIER) >>> tableShift);
        for (; table[2 * slot + 1] != 0; slot = (slot + 1) & mask) {
            if (table[2 * slot] != gram) {
                continue;
            }
            long range = table[2 * slot + 1];
            for (int e = (int) (range >>> 32), end = (int) range; e < end; e++) {
                int base = ENTRY_SIZE * e;
                int start = at - entries[base + 2];
                if (occursAt(text, start, entries[base], entries[base + 1])) {
                    int id = entries[base + 3];
                    found[id >>> 6] |= 1L << id;
                }
            }
            return;
        }
    }

    private boolean occursAt(String text, int start, int from, int length) {
        if (start < 0 || start + length > text.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (text.charAt(start + k) != texts[from + k]) {
                return false;
            }
        }
        return true;
    }
}
