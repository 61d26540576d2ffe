package dev.vigil.server.vuln.internal;

import java.time.Duration;
import java.time.Instant;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.vuln.assess.Priority;
import org.springframework.stereotype.Component;

/** When a finding must be remediated: first seen plus the configured time for its priority; none for info. */
@Component("findingSlaPolicy")
public class SlaPolicy {

    private final VigilProperties.Vuln config;

    SlaPolicy(VigilProperties properties) {
        this.config = properties.vuln();
    }

    public Instant due(Priority priority, Instant firstSeen) {
        Duration time = switch (priority) {
            case CRITICAL -> config.slaCritical();
            case HIGH -> config.slaHigh();
            case MEDIUM -> config.slaMedium();
            case LOW -> config.slaLow();
            case INFO -> null;
        };
        return time == null ? null : firstSeen.plus(time);
    }
}
