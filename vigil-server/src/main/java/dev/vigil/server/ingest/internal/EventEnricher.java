package dev.vigil.server.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.vigil.events.Event;
import dev.vigil.server.ingest.InputView;
import org.springframework.stereotype.Component;

/**
 * The enrich stage: adds what Vigil knows about where an event came from — the input's name and type, and the asset
 * the input is bound to. (Lookups of assets by address join here when the asset inventory exists.)
 */
@Component
class EventEnricher {

    private final InputDirectory inputs;

    EventEnricher(InputDirectory inputs) {
        this.inputs = inputs;
    }

    Event enrich(Event event) {
        InputView input;
        try {
            input = inputs.byId(UUID.fromString(event.inputId())).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            input = null;
        }
        if (input == null) {
            return event;
        }
        Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        fields.put("input.name", input.name());
        fields.put("input.type", input.type());
        if (!input.asset().isBlank()) {
            fields.put("asset.name", input.asset());
        }
        return new Event(event.id(), event.timestamp(), event.receivedAt(), event.tenant(), event.inputId(), fields,
                event.original(), event.tags());
    }
}
