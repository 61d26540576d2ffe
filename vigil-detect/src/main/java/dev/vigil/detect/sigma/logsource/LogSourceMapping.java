package dev.vigil.detect.sigma.logsource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.sigma.rule.LogSource;

/**
 * Which events a rule's {@code logsource} covers. A category resolves to its sources; a service to its channels; a bare
 * product to every event with a channel. A rule whose log source the mapping does not know applies to no event.
 *
 * @param channelField    field holding the event's channel (Windows: {@code Channel})
 * @param eventIdField    field used to index sources by their condition on it (Windows: {@code EventID})
 * @param productChannels the channels a rule naming only the product covers; null: every event with a channel (right
 *                        when only that product's events have the channel field, as Windows' {@code Channel})
 */
public record LogSourceMapping(String name, String product, String channelField, String eventIdField,
                               Map<String, List<String>> services, Map<String, List<CategorySource>> categories,
                               List<String> productChannels) {

    public LogSourceMapping(String name, String product, String channelField, String eventIdField,
                            Map<String, List<String>> services, Map<String, List<CategorySource>> categories) {
        this(name, product, channelField, eventIdField, services, categories, null);
    }

    /** One source of a category: a service plus conditions and field renames. */
    public record CategorySource(String service, Map<String, Set<String>> conditions,
                                 Map<String, String> fieldMappings) {
    }

    /** No scoping at all: every rule applies to every event (for inputs without log-source information). */
    public static LogSourceMapping none() {
        return new LogSourceMapping("none", null, null, null, Map.of(), Map.of());
    }

    public boolean scopesEvents() {
        return channelField != null;
    }

    /** The scopes a log source covers, or empty when this mapping does not know it. */
    public Optional<List<SourceScope>> resolve(LogSource logsource) {
        if (!scopesEvents()) {
            return Optional.of(List.of(new SourceScope("any event", null, Map.of(), Map.of())));
        }
        if (logsource.product() != null && !logsource.product().equals(product)) {
            return Optional.empty();
        }
        if (logsource.category() != null) {
            List<CategorySource> sources = categories.get(logsource.category());
            if (sources == null) {
                return Optional.empty();
            }
            List<SourceScope> scopes = sources.stream()
                    .filter(s -> logsource.service() == null || logsource.service().equals(s.service()))
                    .map(s -> new SourceScope(logsource.category() + "/" + s.service(), services.get(s.service()),
                            s.conditions(), s.fieldMappings()))
                    .toList();
            return scopes.isEmpty() ? Optional.empty() : Optional.of(scopes);
        }
        if (logsource.service() != null) {
            List<String> channels = services.get(logsource.service());
            return channels == null ? Optional.empty()
                    : Optional.of(List.of(new SourceScope("service " + logsource.service(), channels, Map.of(), Map.of())));
        }
        if (logsource.product() != null) {
            return Optional.of(List.of(new SourceScope("product " + product, productChannels, Map.of(), Map.of())));
        }
        return Optional.empty();
    }

    /** The event's channel as text, or null. */
    public String channelOf(Event event) {
        var value = channelField == null ? null : event.field(channelField);
        return value == null ? null : value.text();
    }

    /** The event's value of the index field as text, or null. */
    public String eventIdOf(Event event) {
        var value = eventIdField == null ? null : event.field(eventIdField);
        return value == null ? null : value.text();
    }
}
