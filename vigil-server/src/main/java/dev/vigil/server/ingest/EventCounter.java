package dev.vigil.server.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.events.store.TenantScope;
import dev.vigil.server.identity.TenantService;
import org.springframework.stereotype.Service;

/**
 * Counts stored events for features that watch them on a schedule (log-based monitors), with no caller: the feature
 * names the tenant whose events are counted, and the definition it runs was itself authorised (e.g. approved). The
 * platform's own jobs ({@value TenantService#RESERVED_SLUG}) count over every tenant's events.
 */
@Service
public class EventCounter {

    private final EventStore store;

    EventCounter(EventStore store) {
        this.store = store;
    }

    /**
     * Events matching the query with {@code @timestamp} in {@code [from, to)}: the total under the key "" when
     * {@code byField} is null, otherwise per value of that field (the {@code maxGroups} largest; events without the
     * field are not counted).
     */
    public Map<String, Long> count(String tenant, String query, Instant from, Instant to, String byField, int maxGroups) {
        EventQuery eventQuery = new EventQuery(query, from, to, scopeOf(tenant));
        Map<String, Long> counts = new LinkedHashMap<>();
        if (byField == null) {
            counts.put("", store.count(eventQuery));
            return counts;
        }
        for (EventStore.TermsResult.Term term : store.terms(eventQuery, byField, maxGroups).terms()) {
            counts.put(term.value(), term.count());
        }
        return counts;
    }

    /** Throws {@link QuerySyntaxException} with the parser's message when the query is not valid. */
    public void check(String query) {
        Instant now = Instant.now();
        store.count(new EventQuery(query, now, now.plusMillis(1), TenantScope.of(Set.of(TenantService.RESERVED_SLUG))));
    }

    private static TenantScope scopeOf(String tenant) {
        return tenant.equals(TenantService.RESERVED_SLUG) ? TenantScope.ALL : TenantScope.of(Set.of(tenant));
    }
}
