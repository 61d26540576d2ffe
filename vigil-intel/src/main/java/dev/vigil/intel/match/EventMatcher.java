package dev.vigil.intel.match;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches the mapped fields of one event against the live indicator index. Field values may be strings or collections
 * of strings; other values are ignored. The result is de-duplicated and ordered by indicator id, then match kind.
 */
public final class EventMatcher {

    private final LiveIndicatorIndex index;
    /** The mapping's fields and kinds as arrays, walked per event without an iterator. */
    private final String[] fields;
    private final ObservableKind[] kinds;

    public EventMatcher(LiveIndicatorIndex index, EventFieldMapping mapping) {
        this.index = Objects.requireNonNull(index, "index");
        Objects.requireNonNull(mapping, "mapping");
        this.fields = mapping.fields().keySet().toArray(String[]::new);
        this.kinds = new ObservableKind[fields.length];
        for (int i = 0; i < fields.length; i++) {
            kinds[i] = mapping.fields().get(fields[i]);
        }
    }

    public List<IndicatorMatch> match(Map<String, ?> fields, Instant at) {
        IndicatorIndex snapshot = index.current();
        IdOrderedMatches matches = new IdOrderedMatches(snapshot);
        for (int i = 0; i < this.fields.length; i++) {
            Object value = fields.get(this.fields[i]);
            if (value instanceof String text) {
                snapshot.forEachMatch(kinds[i], text, at, matches);
            } else if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    if (element instanceof String text) {
                        snapshot.forEachMatch(kinds[i], text, at, matches);
                    }
                }
            }
        }
        return matches.inIdOrder();
    }
}
