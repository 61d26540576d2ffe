package dev.vigil.intel.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonical strings (domain names, URLs, e-mail addresses) to the postings of the indicators holding them, without an
 * object per key: the characters live in 1 MB byte pages (one byte per character, behind a two-byte length) and the
 * open-addressing slots are {@code int} triples (hash, text offset, postings). Lookups take any region of a
 * {@link CharSequence} and a hash computed by {@link #hash}, so callers can probe substrings, such as the parent
 * domains of a name, without creating them; a {@link HashFilter} in front of the slots answers most lookups of absent
 * keys. The rare key with a character above U+00FF, or longer than 65535 characters, goes to an ordinary map instead.
 */
final class TextTable {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_LENGTH = 0xFFFF;
    private static final int FREE = -1;

    /** Per slot: hash, offset of the key's length prefix ({@link #FREE} when the slot is free), encoded postings. */
    private int[] slots;
    private int capacity;
    /** The spread hashes of the keys in {@link #slots}, so that most lookups of absent keys skip the slots. */
    private HashFilter filter;
    private byte[][] pages = new byte[1][];
    private int pageCount;
    private int pageFill = PAGE_SIZE;
    private final Map<String, Integer> wideKeys = new HashMap<>();
    private final SharedPostings shared = new SharedPostings();
    private int size;

    TextTable() {
        allocate(16);
    }

    int size() {
        return size + wideKeys.size();
    }

    SharedPostings postings() {
        return shared;
    }

    /**
     * Hash of {@code text[from, to)} read from the last character to the first, so a caller walking a name from its
     * end has the hash of every suffix along the way: {@code hash(s, i, n) == step(hash(s, i + 1, n), s.charAt(i))}.
     */
    static int hash(CharSequence text, int from, int to) {
        int h = 0;
        for (int i = to - 1; i >= from; i--) {
            h = step(h, text.charAt(i));
        }
        return h;
    }

    static int step(int hash, char c) {
        return hash * 31 + c;
    }

    void add(String key, int ordinal) {
        if (!fitsPages(key)) {
            Integer posting = wideKeys.get(key);
            wideKeys.put(key, posting == null ? ordinal : shared.add(posting, ordinal));
            return;
        }
        if ((size + 1) * 3L > capacity * 2L) {
            grow();
        }
        int hash = hash(key, 0, key.length());
        int slot = slotOf(key, 0, key.length(), hash);
        if (slots[slot + 1] == FREE) {
            slots[slot] = hash;
            slots[slot + 1] = store(key);
            slots[slot + 2] = ordinal;
            filter.add(mix(hash));
            size++;
        } else {
            slots[slot + 2] = shared.add(slots[slot + 2], ordinal);
        }
    }

    /** The encoded postings of {@code text[from, to)} whose {@link #hash} is {@code hash}, or {@link SharedPostings#NONE}. */
    int find(CharSequence text, int from, int to, int hash) {
        if (filter.mayContain(mix(hash))) {
            int slot = slotOf(text, from, to, hash);
            if (slots[slot + 1] != FREE) {
                return slots[slot + 2];
            }
        }
        if (wideKeys.isEmpty()) {
            return SharedPostings.NONE;
        }
        Integer posting = wideKeys.get(text.subSequence(from, to).toString());
        return posting == null ? SharedPostings.NONE : posting;
    }

    int find(CharSequence text) {
        return find(text, 0, text.length(), hash(text, 0, text.length()));
    }

    /** The encoded postings of the key whose characters are the bytes of {@code latin1} (ISO 8859-1), or {@link SharedPostings#NONE}. */
    int find(byte[] latin1) {
        if (latin1.length > MAX_LENGTH) {
            Integer posting = wideKeys.get(new String(latin1, StandardCharsets.ISO_8859_1));
            return posting == null ? SharedPostings.NONE : posting;
        }
        int hash = 0;
        for (int i = latin1.length - 1; i >= 0; i--) {
            hash = step(hash, (char) (latin1[i] & 0xFF));
        }
        int mixed = mix(hash);
        if (!filter.mayContain(mixed)) {
            return SharedPostings.NONE;
        }
        int mask = capacity - 1;
        for (int index = mixed & mask; ; index = (index + 1) & mask) {
            int slot = index * 3;
            int offset = slots[slot + 1];
            if (offset == FREE) {
                return SharedPostings.NONE;
            }
            if (slots[slot] == hash && storedEquals(offset, latin1)) {
                return slots[slot + 2];
            }
        }
    }

    private static boolean fitsPages(String key) {
        if (key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The slot holding the key, or the free slot where it would go. */
    private int slotOf(CharSequence text, int from, int to, int hash) {
        int mask = capacity - 1;
        for (int index = mix(hash) & mask; ; index = (index + 1) & mask) {
            int slot = index * 3;
            int offset = slots[slot + 1];
            if (offset == FREE || (slots[slot] == hash && storedEquals(offset, text, from, to))) {
                return slot;
            }
        }
    }

    private boolean storedEquals(int offset, CharSequence text, int from, int to) {
        byte[] page = pages[offset >>> PAGE_BITS];
        int at = offset & (PAGE_SIZE - 1);
        int length = (page[at] & 0xFF) << 8 | (page[at + 1] & 0xFF);
        if (length != to - from) {
            return false;
        }
        at += 2;
        for (int i = from; i < to; i++, at++) {
            if ((page[at] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean storedEquals(int offset, byte[] latin1) {
        byte[] page = pages[offset >>> PAGE_BITS];
        int at = offset & (PAGE_SIZE - 1);
        int length = (page[at] & 0xFF) << 8 | (page[at + 1] & 0xFF);
        return length == latin1.length && Arrays.equals(page, at + 2, at + 2 + length, latin1, 0, length);
    }

    /** Appends the key's length and characters to the pages; returns the offset of the length. */
    private int store(String key) {
        int needed = key.length() + 2;
        if (pageFill + needed > PAGE_SIZE) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = new byte[PAGE_SIZE];
            pageFill = 0;
        }
        byte[] page = pages[pageCount - 1];
        int offset = ((pageCount - 1) << PAGE_BITS) | pageFill;
        page[pageFill++] = (byte) (key.length() >>> 8);
        page[pageFill++] = (byte) key.length();
        for (int i = 0; i < key.length(); i++) {
            page[pageFill++] = (byte) key.charAt(i);
        }
        return offset;
    }

    private static int mix(int hash) {
        // The polynomial hash is weak in its low bits for similar keys; spread it before masking (MurmurHash3 fmix32).
        int h = hash ^ (hash >>> 16);
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private void allocate(int slotCount) {
        capacity = slotCount;
        slots = new int[slotCount * 3];
        filter = new HashFilter(slotCount);
        for (int slot = 1; slot < slots.length; slot += 3) {
            slots[slot] = FREE;
        }
    }

    private void grow() {
        int[] old = slots;
        allocate(capacity * 2);
        int mask = capacity - 1;
        for (int slot = 0; slot < old.length; slot += 3) {
            if (old[slot + 1] != FREE) {
                int index = mix(old[slot]) & mask;
                while (slots[index * 3 + 1] != FREE) {
                    index = (index + 1) & mask;
                }
                System.arraycopy(old, slot, slots, index * 3, 3);
                filter.add(mix(old[slot]));
            }
        }
    }
}
