package dev.vigil.server.alerting;

import java.time.Instant;

/**
 * Which alerts to list; null fields do not filter. Results are newest first (by last seen); {@code before} or
 * {@code offset} pages.
 *
 * @param acknowledged true: only acknowledged; false: only unacknowledged
 */
public record AlertFilter(String state, String severity, String source, String ruleRef, String tenant,
                          Boolean acknowledged, Instant before, int limit, int offset) {

    public AlertFilter(String state, String severity, String source, String ruleRef, String tenant, Boolean acknowledged,
            Instant before, int limit) {
        this(state, severity, source, ruleRef, tenant, acknowledged, before, limit, 0);
    }
}
