package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * Encodes the indicator ordinals stored under one key of the primitive tables in a single {@code int}: the ordinal
 * itself when one indicator holds the key (the common case), otherwise {@code -(i + 1)} pointing at a list kept here.
 */
final class SharedPostings {

    private int[][] lists = new int[4][];
    private int count;

    /** The encoded value after adding {@code ordinal} to the key whose current encoded value is {@code value}. */
    int add(int value, int ordinal) {
        if (value >= 0) {
            if (count == lists.length) {
                lists = Arrays.copyOf(lists, count * 2);
            }
            lists[count] = new int[] {value, ordinal};
            return -(++count);
        }
        int[] list = lists[-value - 1];
        int[] longer = Arrays.copyOf(list, list.length + 1);
        longer[list.length] = ordinal;
        lists[-value - 1] = longer;
        return value;
    }

    void visit(int value, PostingVisitor visitor) {
        if (value >= 0) {
            visitor.visit(value);
        } else {
            for (int ordinal : lists[-value - 1]) {
                visitor.visit(ordinal);
            }
        }
    }
}
