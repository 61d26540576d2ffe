package dev.vigil.server.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as the API and the console show it. {@code eventIds} holds the first matched events (at most 100).
 * {@code suppressedBy}, when set, is the firing alert of an upstream component this alert is grouped under (not
 * notified on its own while that one fires).
 */
public record AlertView(UUID id, String tenant, String source, String ruleRef, String title, String author,
                        String severity, String state, String dedupKey, Map<String, String> entities, List<String> eventIds,
                        String explanation, long occurrences, Instant firstSeen, Instant lastSeen, String acknowledgedBy,
                        Instant acknowledgedAt, String resolvedBy, Instant resolvedAt, String resolution,
                        UUID suppressedBy) {
}
