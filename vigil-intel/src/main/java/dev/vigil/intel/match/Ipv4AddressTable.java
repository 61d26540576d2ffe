package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * Exact IPv4 address indicators: open addressing over one {@code long[]} whose slots pack the 32-bit address (high
 * half) with its encoded postings (low half, see {@link SharedPostings}), so a probe touches one cache line and a
 * table of millions of addresses costs 8 bytes per slot. Filled by the index builder, then only read.
 */
final class Ipv4AddressTable {

    /** Low half {@link SharedPostings#NONE} marks a free slot: no real posting has that encoding. */
    private static final long FREE = SharedPostings.NONE & 0xFFFF_FFFFL;

    private long[] slots;
    private final SharedPostings shared = new SharedPostings();
    private int size;

    Ipv4AddressTable() {
        slots = freeSlots(16);
    }

    int size() {
        return size;
    }

    SharedPostings postings() {
        return shared;
    }

    /** Adds an address given as an unsigned 32-bit value. */
    void add(long address, int ordinal) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an IPv4 address value: " + address);
        }
        if ((size + 1) * 3L > slots.length * 2L) {
            grow();
        }
        int slot = slotOf(slots, (int) address);
        int posting = (int) slots[slot];
        if (posting == SharedPostings.NONE) {
            slots[slot] = pack((int) address, ordinal);
            size++;
        } else {
            slots[slot] = pack((int) address, shared.add(posting, ordinal));
        }
    }

    /** The encoded postings of {@code address}, or {@link SharedPostings#NONE}. */
    int find(long address) {
        long[] table = slots;
        int key = (int) address;
        int mask = table.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if ((int) entry == SharedPostings.NONE || (int) (entry >>> 32) == key) {
                return (int) entry;
            }
        }
    }

    private static int slotOf(long[] table, int key) {
        int mask = table.length - 1;
        int slot = hash(key) & mask;
        while ((int) table[slot] != SharedPostings.NONE && (int) (table[slot] >>> 32) != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = freeSlots(old.length * 2);
        for (long entry : old) {
            if ((int) entry != SharedPostings.NONE) {
                bigger[slotOf(bigger, (int) (entry >>> 32))] = entry;
            }
        }
        slots = bigger;
    }

    private static long[] freeSlots(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, FREE);
        return table;
    }

    private static long pack(int key, int posting) {
        return ((long) key << 32) | (posting & 0xFFFF_FFFFL);
    }

    private static int hash(int key) {
        // 64-bit product so that every address bit reaches the low bits the mask keeps.
        long h = (key & 0xFFFF_FFFFL) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
