package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hunt: something (a rule, an indicator feed) run over the stored events of a time range. {@code status} is queued,
 * running, done or failed; {@code truncated} says the range held more events than one hunt reads
 * ({@code vigil.detection.retro-hunt-max-events}).
 *
 * @param kind      what was hunted: {@code rule}, {@code indicators}
 * @param subjectId the stored rule or feed, null for text
 * @param subject   a readable name of what was hunted
 */
public record EventHuntView(UUID id, String kind, String subjectId, String subject, String requestedBy, Instant from, Instant to,
                            String status, long scanned, long matched, boolean truncated, List<Hit> hits, Instant startedAt,
                            Instant finishedAt, String error) {

    /** One matching stored event, with the fields that say whom it concerns and what matched. */
    public record Hit(String eventId, Instant timestamp, String tenant, Map<String, String> entities, String detail) {
    }
}
