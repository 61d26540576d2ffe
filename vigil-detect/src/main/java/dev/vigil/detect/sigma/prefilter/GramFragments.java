package dev.vigil.detect.sigma.prefilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many fragments (of at least {@link #GRAM} characters) occur in a text, through 4-grams of the
 * fragments. Each fragment is represented by its rarest 4-gram among the fragments; a bit set over the hashes of these
 * grams, small enough to stay in the first-level cache (a few bits per fragment), tells at each position of the text
 * whether the 4 characters ending there can be one of them. Only on a hit are the grams looked up and the fragments
 * having that gram compared with the text around it. Unlike an automaton, whose table for thousands of fragments does
 * not fit in cache and costs a dependent lookup per character, the scan does independent work per character over a
 * small table. Reports exactly the fragments that occur. Immutable and thread-safe.
 *
 * <p>When the shortest fragment has {@code L} characters, an occurrence of any fragment covers {@code L - 3}
 * consecutive gram positions, so looking at every {@code (L - 3)}-th position of the text suffices if each fragment is
 * indexed by {@code L - 3} consecutive grams (with their offsets): long fragments, such as those of keyword searches
 * over the joined text of an event or of hash values, are found looking at a fraction of the text.
 */
final class GramFragments {

    static final int GRAM = 4;

    private static final VarHandle INT_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** bits of the gram bit set per indexed gram: about one position in 16 passes it by chance */
    private static final int BITS_PER_GRAM = 16;
    /** most positions skipped between two looked at, so that the bit set of long fragments stays small */
    private static final int MAX_STEP = 8;
    private static final int MIN_BITS = 1 << 12;

    /** distance between the positions of the text looked at */
    private final int step;
    /** length of the shortest fragment: shorter texts hold none */
    private final int shortest;
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
        int shortest = Integer.MAX_VALUE;
        int totalLength = 0;
        for (String fragment : fragments) {
            if (fragment.length() < GRAM) {
                throw new IllegalArgumentException("fragment shorter than " + GRAM + ": " + fragment);
            }
            shortest = Math.min(shortest, fragment.length());
            totalLength += fragment.length();
            for (int offset = 0; offset + GRAM <= fragment.length(); offset++) {
                fragmentsPerGram.merge(gram(fragment, offset), 1, Integer::sum);
            }
        }
        this.shortest = shortest;
        step = Math.min(MAX_STEP, shortest - GRAM + 1);
        texts = new char[totalLength];
        int[] textStart = new int[fragments.size()];
        int textEnd = 0;
        Map<Long, List<int[]>> chosen = new LinkedHashMap<>();
        for (int i = 0; i < fragments.size(); i++) {
            String fragment = fragments.get(i);
            fragment.getChars(0, fragment.length(), texts, textEnd);
            textStart[i] = textEnd;
            textEnd += fragment.length();
            // the rarest window of `step` grams; among equals the last, as fragments differ most at their ends
            int first = 0;
            long bestCount = Long.MAX_VALUE;
            for (int offset = 0; offset + step - 1 + GRAM <= fragment.length(); offset++) {
                long count = 0;
                for (int k = 0; k < step; k++) {
                    count += fragmentsPerGram.get(gram(fragment, offset + k));
                }
                if (count <= bestCount) {
                    first = offset;
                    bestCount = count;
                }
            }
            for (int offset = first; offset < first + step; offset++) {
                chosen.computeIfAbsent(gram(fragment, offset), g -> new ArrayList<>()).add(new int[] {i, offset});
            }
        }
        int entryCount = fragments.size() * step;
        int filterBits = Math.max(MIN_BITS, Integer.highestOneBit(entryCount * BITS_PER_GRAM - 1) << 1);
        filter = new long[filterBits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
        int slots = Integer.highestOneBit(Math.max(4, chosen.size() * 2) - 1) << 1;
        tableShift = 64 - Integer.numberOfTrailingZeros(slots);
        table = new long[slots * 2];
        entries = new int[entryCount * ENTRY_SIZE];
        int next = 0;
        for (Map.Entry<Long, List<int[]>> gram : chosen.entrySet()) {
            long key = gram.getKey();
            long hash = key * MULTIPLIER;
            int bit = (int) (hash >>> filterShift);
            filter[bit >>> 6] |= 1L << bit;
            int slot = (int) (hash >>> tableShift);
            while (table[2 * slot + 1] != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            int first = next;
            for (int[] fragmentAndOffset : gram.getValue()) {
                int fragment = fragmentAndOffset[0];
                entries[ENTRY_SIZE * next] = textStart[fragment];
                entries[ENTRY_SIZE * next + 1] = fragments.get(fragment).length();
                entries[ENTRY_SIZE * next + 2] = fragmentAndOffset[1];
                entries[ENTRY_SIZE * next + 3] = ids[fragment];
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
        find(text, false, found);
    }

    /**
     * Sets in {@code found} the bit of every fragment occurring in {@code text} lower-cased: {@code text} must be all
     * ASCII, whose folding ({@link dev.vigil.detect.event.FieldValue#fold}) is lower-casing {@code A-Z}, done here
     * on the characters looked at instead of on a copy of the whole text.
     */
    void findInAsciiFolded(String text, long[] found) {
        if (step == 1 || text.length() < shortest) {
            find(text, true, found);
            return;
        }
        // one byte per ASCII character: a gram is read in one load and its capitals lower-cased together
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        long[] bits = filter;
        int shift = filterShift;
        for (int at = 0, last = bytes.length - GRAM; at <= last; at += step) {
            long gram = lowerGram(bytes, at);
            int bit = (int) ((gram * MULTIPLIER) >>> shift);
            if ((bits[bit >>> 6] & (1L << bit)) != 0) {
                verify(gram, at, text, true, found);
            }
        }
    }

    /**
     * The gram of the 4 ASCII characters at {@code offset}, lower-cased: a byte {@code b < 0x80} is a capital when
     * {@code b + 0x3F} reaches {@code 0x80} ({@code b >= 'A'}) and {@code b + 0x25} does not ({@code b <= 'Z'}); the
     * additions carry into no other byte. Then each byte is spread to its 16-bit place in the gram.
     */
    static long lowerGram(byte[] ascii, int offset) {
        int v = (int) INT_BIG_ENDIAN.get(ascii, offset);
        int capitals = (v + 0x3F3F3F3F) & ~(v + 0x25252525) & 0x80808080;
        long lower = (v | (capitals >>> 2)) & 0xFFFFFFFFL;
        return (lower & 0xFF000000L) << 24 | (lower & 0xFF0000L) << 16 | (lower & 0xFF00L) << 8 | (lower & 0xFFL);
    }

    private void find(String text, boolean lowerAscii, long[] found) {
        if (text.length() < shortest) {
            return;
        }
        if (step > 1 && !lowerAscii) {
            findSampled(text, found);
            return;
        }
        long[] bits = filter;
        int shift = filterShift;
        long window = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            window = (window << 16) | charAt(text, i, lowerAscii);
            int bit = (int) ((window * MULTIPLIER) >>> shift);
            if ((bits[bit >>> 6] & (1L << bit)) != 0 && i >= GRAM - 1) {
                verify(window, i - (GRAM - 1), text, lowerAscii, found);
            }
        }
    }

    private static char charAt(String text, int i, boolean lowerAscii) {
        char c = text.charAt(i);
        return lowerAscii && (char) (c - 'A') <= 'Z' - 'A' ? (char) (c | 0x20) : c;
    }

    /** Looks at the grams starting at every {@link #step}-th position only (see the class comment). */
    private void findSampled(String text, long[] found) {
        long[] bits = filter;
        int shift = filterShift;
        for (int at = 0, last = text.length() - GRAM; at <= last; at += step) {
            long gram = gram(text, at);
            int bit = (int) ((gram * MULTIPLIER) >>> shift);
            if ((bits[bit >>> 6] & (1L << bit)) != 0) {
                verify(gram, at, text, false, found);
            }
        }
    }

    private void verify(long gram, int at, String text, boolean lowerAscii, long[] found) {
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
                if (occursAt(text, start, entries[base], entries[base + 1], lowerAscii)) {
                    int id = entries[base + 3];
                    found[id >>> 6] |= 1L << id;
                }
            }
            return;
        }
    }

    private boolean occursAt(String text, int start, int from, int length, boolean lowerAscii) {
        if (start < 0 || start + length > text.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (charAt(text, start + k, lowerAscii) != texts[from + k]) {
                return false;
            }
        }
        return true;
    }
}
