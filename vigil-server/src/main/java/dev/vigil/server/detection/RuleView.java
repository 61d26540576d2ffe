package dev.vigil.server.detection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A managed Sigma document as the rule list shows it.
 *
 * @param tenants per-tenant switches that override {@code enabled} for that tenant
 * @param problem why the rule cannot run here (null when it runs)
 * @param state   {@code active} (compiled into the running rule set), {@code disabled} (off for every tenant),
 *                {@code not-runnable} (see problem) or {@code pending} (changed, being compiled)
 */
public record RuleView(UUID id, String sigmaId, String kind, String title, String level, String status, String author,
                       String logsource, String origin, int version, boolean enabled, Map<String, Boolean> tenants,
                       long hits, Instant lastHit, Instant updatedAt, String problem, String state) {
}
