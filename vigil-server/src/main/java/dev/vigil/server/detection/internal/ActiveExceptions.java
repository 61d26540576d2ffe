package dev.vigil.server.detection.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The unexpired, unrevoked exceptions by rule: a match is suppressed when one of them covers its tenant and event. */
final class ActiveExceptions {

    record Entry(UUID id, String tenant, String field, Set<String> values, Instant expiresAt) {

        boolean covers(String eventTenant, StoredEventView event, Instant now) {
            if (!now.isBefore(expiresAt) || (tenant != null && !tenant.equals(eventTenant))) {
                return false;
            }
            Object raw = event.event().fields().get(field);
            if (raw instanceof List<?> list) {
                return list.stream().anyMatch(v -> values.contains(fold(v)));
            }
            return raw != null && values.contains(fold(raw));
        }
    }

    private final Map<UUID, List<Entry>> byRule;

    ActiveExceptions(Map<UUID, List<Entry>> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    static String fold(Object value) {
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    boolean suppresses(UUID ruleId, String tenant, StoredEventView event, Instant now) {
        List<Entry> entries = byRule.get(ruleId);
        if (entries == null) {
            return false;
        }
        for (Entry entry : entries) {
            if (entry.covers(tenant, event, now)) {
                return true;
            }
        }
        return false;
    }
}
