package dev.vigil.detect.event;

import java.util.Arrays;

/**
 * The string values of one parsed JSON object that hold a character outside ASCII, recorded by the reader as it sees
 * them and recognised by identity, so that the values not in it are known to be ASCII without another pass over their
 * characters. Beyond a few such values it stops recording and counts every value as possibly non-ASCII.
 */
final class NonAsciiStrings {

    private static final int MAX_RECORDED = 16;

    private final String[] recorded = new String[MAX_RECORDED];
    private int count;
    private boolean overflowed;

    void clear() {
        if (count > 0) {
            Arrays.fill(recorded, 0, count, null);
        }
        count = 0;
        overflowed = false;
    }

    void add(String value) {
        if (count == MAX_RECORDED) {
            overflowed = true;
        } else {
            recorded[count++] = value;
        }
    }

    /** True when {@code value}, one of the object's string values, holds only ASCII characters. */
    boolean isAscii(String value) {
        if (overflowed) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (recorded[i] == value) {
                return false;
            }
        }
        return true;
    }
}
