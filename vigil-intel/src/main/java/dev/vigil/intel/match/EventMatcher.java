package dev.vigil.intel.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches the mapped fields of one event against the live indicator index. Field values may be strings or collections
 * of strings; other values are ignored. The result is de-duplicated and ordered by indicator id, then match kind.
 */
public final class EventMatcher {

    private final LiveIndicatorIndex index;
    private final EventFieldMapping mapping;

    public EventMatcher(LiveIndicatorIndex index, EventFieldMapping mapping) {
        this.index = Objects.requireNonNull(index, "index");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    public List<IndicatorMatch> match(Map<String, ?> fields, Instant at) {
        IndicatorIndex snapshot = index.current();
        List<IndicatorMatch> matches = new ArrayList<>(2);
        for (Map.Entry<String, ObservableKind> field : mapping.fields().entrySet()) {
            Object value = fields.get(field.getKey());
            if (value instanceof String text) {
                snapshot.match(field.getValue(), text, at, matches);
            } else if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    if (element instanceof String text) {
                        snapshot.match(field.getValue(), text, at, matches);
                    }
                }
            }
        }
        if (matches.size() > 1) {
            List<IndicatorMatch> distinct = new ArrayList<>(new LinkedHashSet<>(matches));
            distinct.sort(IndicatorMatch.BY_INDICATOR_ID);
            return distinct;
        }
        return matches;
    }
}
