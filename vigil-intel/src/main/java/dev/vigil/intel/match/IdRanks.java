package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;

/**
 * The place of each indicator's id in the sorted set of distinct ids, worked out once per index: ordering matches by
 * these ints is ordering them by id, without reading the indicator records and their id strings, which at millions of
 * indicators are cache misses.
 */
final class IdRanks {

    /** Below this many ordinals a range is sorted by insertion. */
    private static final int SMALL = 24;

    private IdRanks() {
    }

    /** {@code ranks[ordinal]}: equal ids get equal ranks, and rank order is {@link String#compareTo} order of the ids. */
    static int[] of(Indicator[] indicators) {
        String[] ids = new String[indicators.length];
        int[] order = new int[indicators.length];
        for (int ordinal = 0; ordinal < indicators.length; ordinal++) {
            ids[ordinal] = indicators[ordinal].id();
            order[ordinal] = ordinal;
        }
        sort(ids, order, new int[order.length], 0, order.length);
        int[] ranks = new int[indicators.length];
        int rank = -1;
        for (int i = 0; i < order.length; i++) {
            if (i == 0 || !ids[order[i]].equals(ids[order[i - 1]])) {
                rank++;
            }
            ranks[order[i]] = rank;
        }
        return ranks;
    }

    /**
     * Merge sort of {@code order[from, to)} by id. It skips the merge of two halves already in order, so input that
     * comes mostly sorted by id (as feeds and database rows often do) costs about one comparison per indicator.
     */
    private static void sort(String[] ids, int[] order, int[] scratch, int from, int to) {
        if (to - from <= SMALL) {
            insertionSort(ids, order, from, to);
            return;
        }
        int middle = (from + to) >>> 1;
        sort(ids, order, scratch, from, middle);
        sort(ids, order, scratch, middle, to);
        if (ids[order[middle - 1]].compareTo(ids[order[middle]]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && ids[scratch[left]].compareTo(ids[scratch[right]]) <= 0)) {
                order[out] = scratch[left++];
            } else {
                order[out] = scratch[right++];
            }
        }
    }

    private static void insertionSort(String[] ids, int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int ordinal = order[i];
            String id = ids[ordinal];
            int j = i - 1;
            while (j >= from && ids[order[j]].compareTo(id) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = ordinal;
        }
    }
}
