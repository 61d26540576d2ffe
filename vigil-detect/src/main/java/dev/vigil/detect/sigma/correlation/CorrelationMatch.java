package dev.vigil.detect.sigma.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.sigma.rule.SigmaCorrelation;

/**
 * A correlation that fired on the event just accepted, with what it saw.
 *
 * @param group       the group-by values (field or alias name to value; null when the event lacks the field)
 * @param count       events (event_count and the value_* types), distinct values (value_count) or referenced rules
 *                    (temporal types) in the window
 * @param time        time of the event that made it fire
 * @param value       the computed sum, average or percentile (value_* types); null for the counting types
 * @param condition   the condition that held, like {@code gte 100} or {@code p95 gt 5000}
 * @param windowStart time of the oldest event in the window
 * @param events      the caller's references (e.g. line numbers) of the events in the window, oldest first (for
 *                    event_count the latest 1,000 at most); for value_count and the temporal types only the
 *                    triggering event
 * @param explanation one sentence a person can read: what was computed over which events of which group, against what
 */
public record CorrelationMatch(SigmaCorrelation correlation, Map<String, String> group, long count, Instant time,
                               Double value, String condition, Instant windowStart, List<Long> events,
                               String explanation) {

    public CorrelationMatch {
        events = List.copyOf(events);
    }
}
