package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one event's matches as ordinals and hands them back de-duplicated and ordered by indicator id, then match
 * kind, then first occurrence. A single match is kept in a field, several in a primitive array; then each becomes one
 * {@code long} (id rank, kind, arrival) and ordering sorts those numbers, reading no indicator record. Records are
 * read once, for the matches returned.
 */
final class IdOrderedMatches implements MatchSink {

    private static final int KIND_BITS = 3;
    private static final int KIND_SHIFT = 29;
    private static final long ARRIVAL_MASK = (1L << KIND_SHIFT) - 1;
    private static final MatchKind[] KINDS = MatchKind.values();

    static {
        if (KINDS.length > 1 << KIND_BITS) {
            throw new ExceptionInInitializerError("MatchKind needs more than " + KIND_BITS + " bits");
        }
    }

    private final IndicatorIndex index;
    /** The first match: ordinal shifted left by {@link #KIND_BITS}, then the kind (most events have at most one). */
    private long first;
    /** Every match in arrival order, encoded as {@link #first}; allocated on the second. */
    private long[] arrivals;
    private int count;

    IdOrderedMatches(IndicatorIndex index) {
        this.index = index;
    }

    @Override
    public void accept(int ordinal, MatchKind kind) {
        long arrival = (long) ordinal << KIND_BITS | kind.ordinal();
        if (count == 0) {
            first = arrival;
            count = 1;
            return;
        }
        if (arrivals == null) {
            arrivals = new long[4];
            arrivals[0] = first;
        } else if (count == arrivals.length) {
            if (count > ARRIVAL_MASK) {
                throw new IllegalStateException("more than " + ARRIVAL_MASK + " matches for one event");
            }
            arrivals = Arrays.copyOf(arrivals, count * 2);
        }
        arrivals[count++] = arrival;
    }

    /**
     * The matches in order, each once. Indicators sharing an id and kind are compared by value, as distinct records
     * with equal contents count as one match.
     */
    List<IndicatorMatch> inIdOrder() {
        List<IndicatorMatch> distinct = new ArrayList<>(count);
        if (count == 1) {
            distinct.add(match(first));
        } else if (count > 1) {
            int[] ranks = index.idRanks();
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                long arrival = arrivals[i];
                keys[i] = (long) ranks[(int) (arrival >>> KIND_BITS)] << 32
                        | (arrival & ((1 << KIND_BITS) - 1)) << KIND_SHIFT | i;
            }
            Arrays.sort(keys);
            int runStart = 0;
            long runKey = -1;
            for (long key : keys) {
                IndicatorMatch match = match(arrivals[(int) (key & ARRIVAL_MASK)]);
                if (key >>> KIND_SHIFT != runKey) {
                    runKey = key >>> KIND_SHIFT;
                    runStart = distinct.size();
                    distinct.add(match);
                } else if (!distinct.subList(runStart, distinct.size()).contains(match)) {
                    distinct.add(match);
                }
            }
        }
        return distinct;
    }

    private IndicatorMatch match(long arrival) {
        Indicator indicator = index.indicator((int) (arrival >>> KIND_BITS));
        return new IndicatorMatch(indicator, KINDS[(int) (arrival & ((1 << KIND_BITS) - 1))]);
    }
}
