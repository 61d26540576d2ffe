package dev.vigil.server.ingest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.events.Event;
import dev.vigil.server.ingest.HostDirectory;
import dev.vigil.server.ingest.HostDirectory.KnownHost;
import dev.vigil.server.ingest.InputView;
import org.springframework.stereotype.Component;

/**
 * The enrich stage: adds what Vigil knows about where an event came from — the input's name and type, the asset the
 * input is bound to or else the asset its host names ({@code asset.*}), and the assets behind its source and
 * destination addresses ({@code source.asset.*}, {@code destination.asset.*}), as far as a {@link HostDirectory} knows
 * them.
 */
@Component
class EventEnricher {

    private final InputDirectory inputs;
    private final List<HostDirectory> hosts;

    EventEnricher(InputDirectory inputs, List<HostDirectory> hosts) {
        this.inputs = inputs;
        this.hosts = List.copyOf(hosts);
    }

    Event enrich(Event event) {
        InputView input;
        try {
            input = inputs.byId(UUID.fromString(event.inputId())).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            input = null;
        }
        Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        if (input != null) {
            fields.put("input.name", input.name());
            fields.put("input.type", input.type());
            if (!input.asset().isBlank()) {
                fields.put("asset.name", input.asset());
            }
        }
        if (!hosts.isEmpty()) {
            addAssets(event.tenant(), fields);
        }
        if (input == null && fields.size() == event.fields().size()) {
            return event;
        }
        return new Event(event.id(), event.timestamp(), event.receivedAt(), event.tenant(), event.inputId(), fields,
                event.original(), event.tags());
    }

    private void addAssets(String tenant, Map<String, Object> fields) {
        Optional<KnownHost> own = fields.containsKey("asset.name") ? Optional.empty()
                : firstKnown(tenant, fields, "host.name", "host.hostname").or(() -> firstByAddress(tenant, fields.get("host.ip")));
        own.ifPresent(host -> put(fields, "asset", host));
        firstByAddress(tenant, fields.get("source.ip")).ifPresent(host -> put(fields, "source.asset", host));
        firstByAddress(tenant, fields.get("destination.ip")).ifPresent(host -> put(fields, "destination.asset", host));
    }

    private Optional<KnownHost> firstKnown(String tenant, Map<String, Object> fields, String... names) {
        for (String name : names) {
            if (fields.get(name) instanceof String hostname) {
                for (HostDirectory directory : hosts) {
                    Optional<KnownHost> known = directory.byHostname(tenant, hostname);
                    if (known.isPresent()) {
                        return known;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first known address of a field that holds one address or a list of them. */
    private Optional<KnownHost> firstByAddress(String tenant, Object value) {
        List<?> candidates = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object candidate : candidates) {
            if (candidate instanceof String address) {
                for (HostDirectory directory : hosts) {
                    Optional<KnownHost> known = directory.byAddress(tenant, address);
                    if (known.isPresent()) {
                        return known;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void put(Map<String, Object> fields, String prefix, KnownHost host) {
        fields.put(prefix + ".id", host.id());
        fields.put(prefix + ".name", host.name());
        fields.put(prefix + ".criticality", host.criticality());
        if (!host.environment().isEmpty()) {
            fields.put(prefix + ".environment", host.environment());
        }
    }
}
