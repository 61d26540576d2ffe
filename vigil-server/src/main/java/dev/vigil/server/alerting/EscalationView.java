package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The escalation of one alert by one policy: {@code active} until the alert is acknowledged or resolved or every step
 * of every round has paged ({@code completed}); {@code pages} tells whom each step reached.
 */
public record EscalationView(UUID id, UUID alertId, String policy, String state, int nextStep, int round, Instant nextAt,
                             String startedBy, Instant startedAt, Instant endedAt, List<Page> pages) {

    /** What one target of a step came to: the users or receiver paged, or why nobody was ({@code note}). */
    public record Page(Instant at, int step, int round, String target, List<String> paged, String note) {
    }
}
