package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one event's matches as ordinals and hands them back de-duplicated and ordered by indicator id, then match
 * kind, then first occurrence. Each match is kept as one {@code long} (id rank, kind, arrival) in a primitive array,
 * so ordering sorts numbers and reads no indicator record; records are read once, for the matches returned.
 */
final class IdOrderedMatches implements MatchSink {

    private static final int KIND_SHIFT = 29;
    private static final long ARRIVAL_MASK = (1L << KIND_SHIFT) - 1;
    private static final MatchKind[] KINDS = MatchKind.values();

    private final IndicatorIndex index;
    /** Per match: id rank in bits 32-62, kind in bits 29-31, arrival number in bits 0-28. */
    private long[] keys = new long[4];
    /** Indicator ordinals by arrival number. */
    private int[] ordinals = new int[4];
    private int count;

    IdOrderedMatches(IndicatorIndex index) {
        this.index = index;
    }

    @Override
    public void accept(int ordinal, MatchKind kind) {
        if (count == keys.length) {
            if (count > ARRIVAL_MASK) {
                throw new IllegalStateException("more than " + ARRIVAL_MASK + " matches for one event");
            }
            keys = Arrays.copyOf(keys, count * 2);
            ordinals = Arrays.copyOf(ordinals, count * 2);
        }
        keys[count] = (long) index.idRank(ordinal) << 32 | (long) kind.ordinal() << KIND_SHIFT | count;
        ordinals[count++] = ordinal;
    }

    /**
     * The matches in order, each once. Indicators sharing an id and kind are compared by value, as distinct records
     * with equal contents count as one match.
     */
    List<IndicatorMatch> inIdOrder() {
        Arrays.sort(keys, 0, count);
        List<IndicatorMatch> distinct = new ArrayList<>(count);
        int runStart = 0;
        long runKey = -1;
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            Indicator indicator = index.indicator(ordinals[(int) (key & ARRIVAL_MASK)]);
            IndicatorMatch match = new IndicatorMatch(indicator, KINDS[(int) (key >>> KIND_SHIFT) & 7]);
            if (key >>> KIND_SHIFT != runKey) {
                runKey = key >>> KIND_SHIFT;
                runStart = distinct.size();
                distinct.add(match);
            } else if (!distinct.subList(runStart, distinct.size()).contains(match)) {
                distinct.add(match);
            }
        }
        return distinct;
    }
}
