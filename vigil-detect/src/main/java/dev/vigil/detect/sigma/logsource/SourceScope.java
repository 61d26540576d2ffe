package dev.vigil.detect.sigma.logsource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events one log source covers: events whose channel is in {@code channels} (null = any event with a channel), whose
 * fields equal one of the listed values per condition and that have every field of {@code present} (not null).
 * {@code fieldMappings} rename rule fields to event fields (or build them from a {@link FieldTemplate}).
 */
public record SourceScope(String description, List<String> channels, Map<String, Set<String>> conditions,
                          Set<String> present, Map<String, String> fieldMappings) {

    public SourceScope {
        channels = channels == null ? null : List.copyOf(channels);
        conditions = Map.copyOf(conditions);
        present = Set.copyOf(present);
        fieldMappings = Map.copyOf(fieldMappings);
    }

    public SourceScope(String description, List<String> channels, Map<String, Set<String>> conditions,
                       Map<String, String> fieldMappings) {
        this(description, channels, conditions, Set.of(), fieldMappings);
    }
}
