package dev.vigil.eventstore.aggregation;

/** Counts per ordinal of one segment: an array for small dictionaries, a hash table for large ones (ids, URLs). */
final class OrdinalCounts {
    private static final long DENSE_LIMIT = 1 << 16;

    private final int[] dense;
    private final LongCounts sparse;

    OrdinalCounts(long valueCount) {
        dense = valueCount <= DENSE_LIMIT ? new int[(int) valueCount] : null;
        sparse = dense == null ? new LongCounts() : null;
    }

    void increment(long ordinal) {
        if (dense != null) {
            dense[(int) ordinal]++;
        } else {
            sparse.increment(ordinal);
        }
    }

    void forEach(LongCounts.Entry action) {
        if (dense == null) {
            sparse.forEach(action);
            return;
        }
        for (int ordinal = 0; ordinal < dense.length; ordinal++) {
            if (dense[ordinal] > 0) {
                action.accept(ordinal, dense[ordinal]);
            }
        }
    }
}
