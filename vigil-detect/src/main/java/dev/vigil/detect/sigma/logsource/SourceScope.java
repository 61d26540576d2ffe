package dev.vigil.detect.sigma.logsource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events one log source covers: events whose channel is in {@code channels} (null = any event with a channel) and whose
 * fields equal one of the listed values per condition. {@code fieldMappings} rename rule fields to event fields.
 */
public record SourceScope(String description, List<String> channels, Map<String, Set<String>> conditions,
                          Map<String, String> fieldMappings) {

    public SourceScope {
        channels = channels == null ? null : List.copyOf(channels);
        conditions = Map.copyOf(conditions);
        fieldMappings = Map.copyOf(fieldMappings);
    }
}
