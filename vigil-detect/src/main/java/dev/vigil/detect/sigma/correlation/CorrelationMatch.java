package dev.vigil.detect.sigma.correlation;

import java.time.Instant;
import java.util.Map;

import dev.vigil.detect.sigma.rule.SigmaCorrelation;

/**
 * A correlation that fired on the event just accepted.
 *
 * @param group the group-by values (field or alias name to value; null when the event lacks the field)
 * @param count events (event_count), distinct values (value_count) or referenced rules (temporal types) in the window
 */
public record CorrelationMatch(SigmaCorrelation correlation, Map<String, String> group, long count, Instant time) {
}
