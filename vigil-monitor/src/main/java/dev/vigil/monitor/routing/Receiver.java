package dev.vigil.monitor.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A receiver: its name and, untouched, every other key of its YAML entry (integration lists such as
 * {@code webhook_configs}, {@code email_configs}) as plain maps/lists/strings for the server to interpret.
 */
public record Receiver(String name, Map<String, Object> integrations) {

    public Receiver {
        integrations = Collections.unmodifiableMap(new LinkedHashMap<>(integrations));
    }
}
