package dev.vigil.server.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A retro-hunt: a rule run over stored events of a time range ({@code ruleId} null for rule text). {@code status} is queued, running, done or failed;
 * {@code truncated} says the range held more events than one hunt reads ({@code vigil.detection.retro-hunt-max-events}).
 */
public record RetroHuntView(UUID id, UUID ruleId, String rule, String requestedBy, Instant from, Instant to, String status, long scanned,
                            long matched, boolean truncated, List<Hit> hits, Instant startedAt, Instant finishedAt, String error) {

    /** One matching stored event, with the fields that say whom it concerns. */
    public record Hit(String eventId, Instant timestamp, String tenant, Map<String, String> entities) {
    }
}
