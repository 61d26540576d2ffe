package dev.vigil.server.detection.internal;

import java.util.Map;
import java.util.UUID;

/**
 * A stored rule as the engine needs it: whether it is on for a tenant (a tenant switch overrides the rule's own
 * switch) and whether its matches become alerts of their own.
 *
 * @param generates false for a rule that only feeds correlations that say {@code generate: false}
 */
record ManagedRule(UUID id, String sigmaId, String title, String level, String author, boolean enabled,
                   Map<String, Boolean> tenantSwitches, boolean generates) {

    boolean enabledFor(String tenant) {
        Boolean override = tenantSwitches.get(tenant);
        return override != null ? override : enabled;
    }

    boolean enabledAnywhere() {
        return enabled || tenantSwitches.containsValue(Boolean.TRUE);
    }

    ManagedRule withGenerates(boolean value) {
        return new ManagedRule(id, sigmaId, title, level, author, enabled, tenantSwitches, value);
    }
}
