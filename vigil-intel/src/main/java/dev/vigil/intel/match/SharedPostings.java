package dev.vigil.intel.match;

import java.util.Arrays;

/**
 * Encodes the indicator ordinals stored under one key of the primitive tables in a single {@code int}: the ordinal
 * itself when one indicator holds the key (the common case), otherwise {@code -(i + 1)} pointing at a list kept here.
 * {@link #NONE} is never a valid encoding; tables return it for "no such key".
 */
final class SharedPostings {

    static final int NONE = Integer.MIN_VALUE;

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

    /** The ordinals of a shared encoded value ({@code value < 0}, not {@link #NONE}). */
    int[] list(int value) {
        return lists[-value - 1];
    }

    void visit(int value, PostingVisitor visitor) {
        if (value >= 0) {
            visitor.visit(value);
        } else if (value != NONE) {
            for (int ordinal : lists[-value - 1]) {
                visitor.visit(ordinal);
            }
        }
    }
}
