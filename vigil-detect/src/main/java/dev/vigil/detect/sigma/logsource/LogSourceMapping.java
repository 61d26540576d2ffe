package dev.vigil.detect.sigma.logsource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.sigma.rule.LogSource;

/**
 * Which events a rule's {@code logsource} covers. A category resolves to its sources; a service to its channels (plus
 * the service's own conditions and field mappings); a bare product to every event with a channel. A rule whose log
 * source the mapping does not know applies to no event.
 *
 * @param channelField    field holding the event's channel (Windows: {@code Channel})
 * @param eventIdField    field used to index sources by their condition on it (Windows: {@code EventID})
 * @param productChannels the channels a rule naming only the product covers; null: every event with a channel (right
 *                        when only that product's events have the channel field, as Windows' {@code Channel})
 */
public record LogSourceMapping(String name, String product, String channelField, String eventIdField,
                               Map<String, Service> services, Map<String, List<CategorySource>> categories,
                               List<String> productChannels) {

    public LogSourceMapping(String name, String product, String channelField, String eventIdField,
                            Map<String, Service> services, Map<String, List<CategorySource>> categories) {
        this(name, product, channelField, eventIdField, services, categories, null);
    }

    /**
     * A service: the channels its events come on and, for services that share a channel with others, the conditions
     * that single out its events, the fields they must have ({@code present}) and the field renames its rules need.
     */
    public record Service(List<String> channels, Map<String, Set<String>> conditions, Set<String> present,
                          Map<String, String> fieldMappings) {

        public Service {
            channels = List.copyOf(channels);
            conditions = Map.copyOf(conditions);
            present = Set.copyOf(present);
            fieldMappings = Map.copyOf(fieldMappings);
        }

        public static Service of(List<String> channels) {
            return new Service(channels, Map.of(), Set.of(), Map.of());
        }
    }

    /** One source of a category: a service plus conditions, required fields and field renames. */
    public record CategorySource(String service, Map<String, Set<String>> conditions, Set<String> present,
                                 Map<String, String> fieldMappings) {

        public CategorySource(String service, Map<String, Set<String>> conditions, Map<String, String> fieldMappings) {
            this(service, conditions, Set.of(), fieldMappings);
        }
    }

    /** No scoping at all: every rule applies to every event (for inputs without log-source information). */
    public static LogSourceMapping none() {
        return new LogSourceMapping("none", null, null, null, Map.of(), Map.of());
    }

    public boolean scopesEvents() {
        return channelField != null;
    }

    /** The channels of a service, or null when the mapping does not know it. */
    public List<String> channels(String service) {
        Service known = services.get(service);
        return known == null ? null : known.channels();
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
                    .map(s -> categoryScope(logsource.category(), s))
                    .toList();
            return scopes.isEmpty() ? Optional.empty() : Optional.of(scopes);
        }
        if (logsource.service() != null) {
            Service service = services.get(logsource.service());
            return service == null ? Optional.empty()
                    : Optional.of(List.of(new SourceScope("service " + logsource.service(), service.channels(),
                            service.conditions(), service.present(), service.fieldMappings())));
        }
        if (logsource.product() != null) {
            return Optional.of(List.of(new SourceScope("product " + product, productChannels, Map.of(), Map.of())));
        }
        return Optional.empty();
    }

    /** A category source within its service: the service's conditions, required fields and renames, then its own. */
    private SourceScope categoryScope(String category, CategorySource source) {
        Service service = services.get(source.service());
        Map<String, Set<String>> conditions = new LinkedHashMap<>(service.conditions());
        conditions.putAll(source.conditions());
        Set<String> present = new LinkedHashSet<>(service.present());
        present.addAll(source.present());
        Map<String, String> renames = new LinkedHashMap<>(service.fieldMappings());
        renames.putAll(source.fieldMappings());
        return new SourceScope(category + "/" + source.service(), service.channels(), conditions, present, renames);
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
