package dev.vigil.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;

/**
 * Searching stored events, always within the tenants whose events the caller may read ({@code event:read} per tenant;
 * the provider's own events need it everywhere).
 */
@Service
public class EventSearchService {

    public static final int MAX_WINDOW = 10_000;
    private static final int MAX_BUCKETS = 2_000;

    private final EventStore store;
    private final AccessPolicy access;
    private final TenantService tenants;

    EventSearchService(EventStore store, AccessPolicy access, TenantService tenants) {
        this.store = store;
        this.access = access;
        this.tenants = tenants;
    }

    public EventStore.SearchResult search(String query, Instant from, Instant to, int offset, int size, boolean oldestFirst) {
        if (size < 0 || size > 1000) {
            throw ProblemException.badRequest("invalid-input", "size must be between 0 and 1000");
        }
        if (offset < 0 || offset + size > MAX_WINDOW) {
            throw ProblemException.badRequest("invalid-input", "offset + size must be at most " + MAX_WINDOW
                    + "; narrow the time range or the query instead of paging deeper");
        }
        return store.search(new EventStore.SearchRequest(query(query, from, to), offset, size,
                oldestFirst ? EventStore.Sort.OLDEST_FIRST : EventStore.Sort.NEWEST_FIRST));
    }

    public long count(String query, Instant from, Instant to) {
        return store.count(query(query, from, to));
    }

    /** Counts the events of one tenant, for system jobs (asset coverage in risk scores); no caller check. */
    public long countInTenant(String tenant, String query, Instant from, Instant to) {
        return store.count(new EventQuery(query == null ? "" : query, from, to, TenantScope.of(Set.of(tenant))));
    }

    public Optional<Event> get(String id) {
        return store.get(id, scope());
    }

    /** Counts per bucket; the interval is chosen for about 60 buckets when not given. */
    public EventStore.Histogram histogram(String query, Instant from, Instant to, Duration interval) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("invalid-input", "a histogram needs both from and to");
        }
        Duration span = Duration.between(from, to);
        Duration chosen = interval != null ? interval : niceInterval(span);
        if (span.dividedBy(chosen) > MAX_BUCKETS) {
            throw ProblemException.badRequest("invalid-input", "interval " + chosen + " gives more than " + MAX_BUCKETS
                    + " buckets for this range; choose a larger one");
        }
        return store.dateHistogram(query(query, from, to), chosen);
    }

    public EventStore.TermsResult terms(String query, Instant from, Instant to, String field, int size) {
        if (field == null || field.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "field is required");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.badRequest("invalid-input", "size must be between 1 and 500");
        }
        return store.terms(query(query, from, to), field, size);
    }

    public long cardinality(String query, Instant from, Instant to, String field) {
        if (field == null || field.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "field is required");
        }
        return store.cardinality(query(query, from, to), field);
    }

    /** The tenants whose events the caller may read. */
    public TenantScope scope() {
        VigilPrincipal caller = access.requireCurrent();
        if (caller.canEverywhere("event", "read")) {
            return TenantScope.ALL;
        }
        Set<String> slugs = new LinkedHashSet<>();
        for (TenantView tenant : tenants.all()) {
            if (caller.can("event", "read", tenant.id())) {
                slugs.add(tenant.slug());
            }
        }
        return TenantScope.of(slugs);
    }

    private EventQuery query(String text, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("invalid-input", "from must be before to");
        }
        if (text != null && text.length() > 10_000) {
            throw ProblemException.badRequest("invalid-input", "the query is longer than 10000 characters");
        }
        return new EventQuery(text == null ? "" : text, from, to, scope());
    }

    static Duration niceInterval(Duration span) {
        Duration[] steps = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7)};
        for (Duration step : steps) {
            if (span.dividedBy(step) <= 60) {
                return step;
            }
        }
        return Duration.ofDays(30);
    }
}
