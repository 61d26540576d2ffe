package dev.vigil.server.asset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventStore;
import dev.vigil.server.asset.internal.HostIdentifiers;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discovery from events: every host ({@code host.name}, with the {@code host.ip} seen beside it) that events of the
 * caller's tenants named within the period becomes an asset of the event's tenant, unless one of its names or
 * addresses already belongs to an asset, which then learns the others.
 */
@Service
public class AssetDiscovery {

    public static final int MAX_HOSTS = 500;

    private final EventSearchService events;
    private final AssetRegistry registry;
    private final TenantScopes tenants;
    private final Clock clock;

    AssetDiscovery(EventSearchService events, AssetRegistry registry, TenantScopes tenants, Clock clock) {
        this.events = events;
        this.registry = registry;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public DiscoveryReport discover(Duration period) {
        if (period == null || period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(31)) > 0) {
            throw ProblemException.badRequest("invalid-input", "period must be between 1 second and 31 days");
        }
        Instant to = clock.instant();
        Instant from = to.minus(period);
        List<String> writable = tenants.slugs("asset", "update");
        EventStore.TermsResult hosts = events.terms("host.name:*", from, to, "host.name", MAX_HOSTS);
        int created = 0;
        int known = 0;
        int skipped = 0;
        List<String> createdNames = new ArrayList<>();
        for (EventStore.TermsResult.Term term : hosts.terms()) {
            String name = term.value();
            if (HostIdentifiers.hostname(name).isEmpty() && HostIdentifiers.address(name).isEmpty()) {
                skipped++;
                continue;
            }
            List<Event> sample = events.search("host.name:\"" + name + "\"", from, to, 0, 1, false).events();
            if (sample.isEmpty()) {
                continue;
            }
            Event event = sample.get(0);
            if (writable != null && !writable.contains(event.tenant())) {
                skipped++;
                continue;
            }
            List<String> others = new ArrayList<>();
            Object ip = event.field("host.ip");
            if (ip instanceof List<?> list) {
                list.forEach(value -> others.add(String.valueOf(value)));
            } else if (ip != null) {
                others.add(ip.toString());
            }
            AssetRegistry.Resolved resolved = registry.resolve(event.tenant(),
                    new AssetRegistry.Observation(name, "host", others), "discovery", event.timestamp());
            if (resolved.created()) {
                created++;
                createdNames.add(event.tenant() + "/" + name);
            } else {
                known++;
            }
        }
        return new DiscoveryReport(hosts.terms().size(), created, known, skipped, createdNames);
    }
}
