package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * File hashes of one length (MD5, SHA-1 or SHA-256) stored as raw bits in one {@code long[]} with open addressing.
 * Each slot is a row of the digest's words followed by its encoded postings (see {@link SharedPostings}), so a probe
 * reads one row: 24-40 bytes per slot instead of a 100+ byte hex {@code String} plus map node. Lookups read the
 * event's hex text (any case, surrounding whitespace ignored) straight into longs without allocating.
 */
final class DigestTable {

    /** Hex digit values of ASCII characters, -1 for the others. */
    private static final byte[] HEX = new byte[128];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    private final int hexDigits;
    private final int words;
    /** Row width in longs: the digest words, then the postings. */
    private final int stride;
    private long[] rows;
    private int capacity;
    private final SharedPostings shared = new SharedPostings();
    private int size;

    DigestTable(int hexDigits) {
        this.hexDigits = hexDigits;
        this.words = (hexDigits + 15) / 16;
        this.stride = words + 1;
        allocate(16);
    }

    int size() {
        return size;
    }

    SharedPostings postings() {
        return shared;
    }

    /** Adds a digest given as exactly {@code hexDigits} hex digits (already validated). */
    void add(String hex, int ordinal) {
        int from = digitsStart(hex);
        if (from < 0 || !isHex(hex, from)) {
            throw new IllegalArgumentException("not " + hexDigits + " hex digits: " + hex);
        }
        if ((size + 1) * 3L > capacity * 2L) {
            grow();
        }
        int row = rowOf(hex, from);
        int posting = (int) rows[row + words];
        if (posting == SharedPostings.NONE) {
            for (int w = 0; w < words; w++) {
                rows[row + w] = word(hex, from, w);
            }
            rows[row + words] = ordinal;
            size++;
        } else {
            rows[row + words] = shared.add(posting, ordinal);
        }
    }

    /** The encoded postings of the digest written in {@code text}, or {@link SharedPostings#NONE}. */
    int find(String text) {
        int from = digitsStart(text);
        if (from < 0) {
            return SharedPostings.NONE;
        }
        int posting = (int) rows[rowOf(text, from) + words];
        // Words are read without checking the characters; only a hit needs to prove the text was hex after all.
        return posting == SharedPostings.NONE || isHex(text, from) ? posting : SharedPostings.NONE;
    }

    /**
     * Where the digits of {@code text} start once surrounding whitespace is skipped, or -1 unless {@code hexDigits}
     * characters remain.
     */
    private int digitsStart(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to - from == hexDigits ? from : -1;
    }

    private boolean isHex(String text, int from) {
        for (int i = from; i < from + hexDigits; i++) {
            char c = text.charAt(i);
            if (c >= 128 || HEX[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Word {@code w} of the digits at {@code from}, left-aligned (a short last word has zero low bits). Characters that
     * are not hex digits give some value; callers check {@link #isHex} where it matters.
     */
    private long word(String text, int from, int w) {
        int start = from + 16 * w;
        int digits = Math.min(16, hexDigits - 16 * w);
        long value = 0;
        for (int i = 0; i < digits; i++) {
            value = (value << 4) | (HEX[text.charAt(start + i) & 0x7F] & 0xF);
        }
        return value << (4 * (16 - digits));
    }

    /** The row holding the digest at {@code text[from..]}, or the free row where it would go. */
    private int rowOf(String text, int from) {
        long first = word(text, from, 0);
        long[] table = rows;
        int mask = capacity - 1;
        for (int slot = hash(first) & mask; ; slot = (slot + 1) & mask) {
            int row = slot * stride;
            if ((int) table[row + words] == SharedPostings.NONE
                    || (table[row] == first && restEquals(table, row, text, from))) {
                return row;
            }
        }
    }

    private boolean restEquals(long[] table, int row, String text, int from) {
        for (int w = 1; w < words; w++) {
            if (table[row + w] != word(text, from, w)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(long firstWord) {
        // Digests are uniformly distributed already; fold the first word.
        long h = firstWord * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void allocate(int slots) {
        capacity = slots;
        rows = new long[slots * stride];
        for (int row = words; row < rows.length; row += stride) {
            rows[row] = SharedPostings.NONE;
        }
    }

    private void grow() {
        long[] old = rows;
        int oldCapacity = capacity;
        allocate(oldCapacity * 2);
        for (int slot = 0; slot < oldCapacity; slot++) {
            int from = slot * stride;
            if ((int) old[from + words] != SharedPostings.NONE) {
                int mask = capacity - 1;
                int target = hash(old[from]) & mask;
                while ((int) rows[target * stride + words] != SharedPostings.NONE) {
                    target = (target + 1) & mask;
                }
                System.arraycopy(old, from, rows, target * stride, stride);
            }
        }
    }
}
