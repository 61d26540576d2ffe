package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertEntitiesQuery;
import dev.vigil.server.asset.AssetLinkView;
import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetService;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.ingest.SavedSearchService;
import dev.vigil.server.ingest.SavedSearchView;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's impact scope. Affected assets are those recorded with the grading, the hosts and addresses its alerts
 * and observables name and the ones its attached event search finds, looked up in the incident's tenant; every asset
 * that depends on them directly or through others is downstream, what they depend on (one step) upstream: candidates
 * for the root cause. The service components of the monitoring catalogue that run on affected or downstream assets
 * are affected, the components depending on those (through the component dependency graph) downstream, and what they
 * depend on upstream. Affected tenants are those of the affected assets, the linked alerts and the affected and
 * downstream components; affected data are the data stores among the scoped assets with their sensitivity. Names
 * that match no asset are listed as unresolved. Components the caller may not read are not followed.
 */
@Service
public class ImpactScopeService {

    static final int MAX_DEPTH = 6;
    private static final int MAX_SEARCH_HOSTS = 100;
    private static final List<String> SENSITIVITY_ORDER = List.of("public", "internal", "confidential", "restricted");
    private static final List<String> SEARCH_HOST_FIELDS = List.of("host.name", "host.ip", "source.ip", "destination.ip");

    private final IncidentService incidents;
    private final IncidentStore store;
    private final AssetRegistry registry;
    private final AssetService assets;
    private final ComponentService components;
    private final AlertService alerts;
    private final EventSearchService events;
    private final SavedSearchService savedSearches;
    private final HarmAssessmentService harm;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    ImpactScopeService(IncidentService incidents, IncidentStore store, AssetRegistry registry, AssetService assets,
            ComponentService components, AlertService alerts, EventSearchService events, SavedSearchService savedSearches,
            HarmAssessmentService harm, JdbcClient jdbc, AuditLog audit) {
        this.incidents = incidents;
        this.store = store;
        this.registry = registry;
        this.assets = assets;
        this.components = components;
        this.alerts = alerts;
        this.events = events;
        this.savedSearches = savedSearches;
        this.harm = harm;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One asset in the scope; {@code via} says why it is there (the name it was found by, or the asset it depends on). */
    public record ScopedAsset(UUID id, String name, String kind, int criticality, String environment, String dataSensitivity,
                              String via) {
    }

    /** A service component in the scope; {@code relation} is affected, downstream or upstream, {@code via} says why. */
    public record ScopedComponent(UUID id, String name, String tenant, String owner, String criticality, String exposure,
                                  String relation, String via) {
    }

    /** A tenant the incident touches, with what of theirs is in the scope. */
    public record AffectedTenant(String tenant, List<String> reasons) {
    }

    /** A data store in the scope with the sensitivity of the data it holds; {@code relation} as for components. */
    public record AffectedData(UUID assetId, String name, String tenant, String sensitivity, String relation) {
    }

    /** The saved search attached to widen the scope, as it was then (query and absolute time range), and the hosts it found. */
    public record ScopeSearch(UUID savedSearchId, String name, String query, Instant from, Instant to, List<String> hosts) {
    }

    public record ImpactScope(UUID incidentId, String tenant, List<ScopedAsset> affected, List<ScopedAsset> downstream,
                              List<ScopedAsset> upstream, List<String> unresolved, List<ScopedComponent> components,
                              List<AffectedTenant> tenants, List<AffectedData> data, String highestSensitivity, ScopeSearch search,
                              HarmAssessmentService.Harm harm) {
    }

    public ImpactScope of(UUID incidentId) {
        return of(incidents.get(incidentId));
    }

    /** The scope of an incident the caller has just read (saves reading it again). */
    public ImpactScope of(IncidentView incident) {
        IncidentRow row = store.read(incident.id());
        ScopeSearch search = attachedSearch(incident).orElse(null);
        Map<String, String> seeds = seeds(incident, search);
        Map<UUID, ScopedAsset> affected = new LinkedHashMap<>();
        Map<UUID, AssetView> found = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        seeds.forEach((name, via) -> {
            Optional<UUID> id = resolve(incident.tenant(), name);
            if (id.isEmpty()) {
                unresolved.add(name);
            } else if (!affected.containsKey(id.get())) {
                AssetView asset = assets.get(id.get());
                found.put(asset.id(), asset);
                affected.put(asset.id(), scoped(asset, via));
            }
        });
        Map<UUID, ScopedAsset> downstream = new LinkedHashMap<>();
        Map<UUID, ScopedAsset> upstream = new LinkedHashMap<>();
        Deque<UUID> frontier = new ArrayDeque<>(affected.keySet());
        Map<UUID, Integer> depth = new LinkedHashMap<>();
        affected.keySet().forEach(id -> depth.put(id, 0));
        while (!frontier.isEmpty()) {
            UUID current = frontier.poll();
            for (AssetLinkView link : assets.links(current)) {
                if (link.upstreamId().equals(current)) {
                    UUID dependent = link.downstreamId();
                    if (!affected.containsKey(dependent) && !downstream.containsKey(dependent) && depth.get(current) < MAX_DEPTH) {
                        AssetView asset = assets.get(dependent);
                        found.put(asset.id(), asset);
                        downstream.put(dependent, scoped(asset, "depends on " + link.upstreamName()));
                        depth.put(dependent, depth.get(current) + 1);
                        frontier.add(dependent);
                    }
                } else if (affected.containsKey(current) && !affected.containsKey(link.upstreamId())) {
                    AssetView asset = assets.get(link.upstreamId());
                    found.put(asset.id(), asset);
                    upstream.putIfAbsent(link.upstreamId(), scoped(asset, link.downstreamName() + " depends on it"));
                }
            }
        }
        List<ScopedComponent> scopedComponents = components(found, affected.keySet(), downstream.keySet());
        List<AffectedData> data = data(found, affected.keySet(), downstream.keySet(), upstream.keySet());
        String highest = data.stream().map(AffectedData::sensitivity).filter(SENSITIVITY_ORDER::contains)
                .max(Comparator.comparingInt(SENSITIVITY_ORDER::indexOf)).orElse(null);
        return new ImpactScope(incident.id(), incident.tenant(), List.copyOf(affected.values()), List.copyOf(downstream.values()),
                List.copyOf(upstream.values()), unresolved, scopedComponents,
                tenants(incident, found, affected.keySet(), downstream.keySet(), scopedComponents), data, highest, search, harm.of(row));
    }

    /**
     * Attaches a saved event search (one the caller can see) to widen the scope with the hosts its events name, fixed
     * to the time range it covers now; null detaches it.
     */
    @Transactional
    public ImpactScope attachSearch(UUID incidentId, UUID savedSearchId) {
        IncidentRow incident = store.lockOpen(incidentId, "update");
        String who = store.caller();
        if (savedSearchId == null) {
            jdbc.sql("""
                    UPDATE incident_impact SET search_id = NULL, search_name = NULL, search_query = NULL, search_from = NULL, search_to = NULL
                    WHERE incident_id = ?""").param(incidentId).update();
            store.note(incidentId, "impact", who, "Event search detached from the impact scope");
            audit.record(AuditEntry.success("incident.scope.search", "incident", incidentId, store.tenantId(incident.tenant()),
                    Map.of("savedSearch", "none")));
            return of(incidentId);
        }
        SavedSearchView saved = savedSearches.get(savedSearchId);
        Instant to = store.now();
        Instant from = to.minus(TimeExpression.duration("timeRange", saved.timeRange()));
        try {
            events.count(tenantQuery(incident.tenant(), saved.query()), from, to);
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest("invalid-search", "saved search '" + saved.name() + "': " + e.getMessage());
        }
        jdbc.sql("""
                INSERT INTO incident_impact (incident_id, search_id, search_name, search_query, search_from, search_to)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET search_id = excluded.search_id, search_name = excluded.search_name,
                    search_query = excluded.search_query, search_from = excluded.search_from, search_to = excluded.search_to""")
                .params(incidentId, saved.id(), saved.name(), saved.query(), Timestamp.from(from), Timestamp.from(to)).update();
        store.note(incidentId, "impact", who, "Event search '" + saved.name() + "' attached to the impact scope (" + from + " to " + to + ")");
        audit.record(AuditEntry.success("incident.scope.search", "incident", incidentId, store.tenantId(incident.tenant()),
                Map.of("savedSearch", saved.id().toString(), "name", saved.name(), "query", saved.query(), "from", from.toString(),
                        "to", to.toString())));
        return of(incidentId);
    }

    /** The names to look up, each with why it is there. */
    private static Map<String, String> seeds(IncidentView incident, ScopeSearch search) {
        Map<String, String> names = new LinkedHashMap<>();
        incident.affectedAssets().forEach(name -> names.putIfAbsent(name, name));
        for (IncidentView.LinkedAlert alert : incident.alerts()) {
            alert.entities().forEach((field, value) -> {
                if (AlertEntitiesQuery.HOST_FIELDS.contains(field) && value != null && !value.isBlank()) {
                    names.putIfAbsent(value.strip(), value.strip());
                }
            });
        }
        for (IncidentView.Observable observable : incident.observables()) {
            if (IncidentAssetsQuery.HOST_OBSERVABLES.contains(observable.kind())) {
                names.putIfAbsent(observable.value(), observable.value());
            }
        }
        if (search != null) {
            search.hosts().forEach(host -> names.putIfAbsent(host, host + " (event search '" + search.name() + "')"));
        }
        return names;
    }

    private Optional<ScopeSearch> attachedSearch(IncidentView incident) {
        record Attached(UUID id, String name, String query, Instant from, Instant to) {
        }
        return jdbc.sql("""
                SELECT search_id, search_name, search_query, search_from, search_to FROM incident_impact
                WHERE incident_id = ? AND search_id IS NOT NULL""")
                .param(incident.id())
                .query((rs, n) -> new Attached(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .optional().map(a -> new ScopeSearch(a.id(), a.name(), a.query(), a.from(), a.to(),
                        hostsFound(incident.tenant(), a.query(), a.from(), a.to())));
    }

    /** The host names and addresses the search's events name (within the caller's event scope). */
    private List<String> hostsFound(String tenant, String query, Instant from, Instant to) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String field : SEARCH_HOST_FIELDS) {
            for (EventStore.TermsResult.Term term : events.terms(tenantQuery(tenant, query), from, to, field, MAX_SEARCH_HOSTS).terms()) {
                if (hosts.size() < MAX_SEARCH_HOSTS && !term.value().isBlank()) {
                    hosts.add(term.value());
                }
            }
        }
        return List.copyOf(hosts);
    }

    private static String tenantQuery(String tenant, String query) {
        String scoped = "_tenant:\"" + tenant.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return query == null || query.isBlank() || query.strip().equals("*") ? scoped : scoped + " AND (" + query + ")";
    }

    /** Components running on the affected and downstream assets, what depends on them, and what they depend on. */
    private List<ScopedComponent> components(Map<UUID, AssetView> found, Set<UUID> affected, Set<UUID> downstream) {
        List<ComponentView> catalogue = components.list();
        Map<String, ComponentView> byName = new LinkedHashMap<>();
        catalogue.forEach(c -> byName.put(c.name(), c));
        Map<String, ScopedComponent> scoped = new LinkedHashMap<>();
        Deque<ComponentView> frontier = new ArrayDeque<>();
        for (UUID assetId : union(affected, downstream)) {
            AssetView asset = found.get(assetId);
            for (ComponentView component : catalogue) {
                if (!scoped.containsKey(component.name()) && component.tenant().equals(asset.tenant()) && runsOn(component, asset)) {
                    scoped.put(component.name(), scoped(component, "affected", "runs on " + asset.name()));
                    frontier.add(component);
                }
            }
        }
        List<ComponentView> direct = List.copyOf(frontier);
        Map<String, Integer> depth = new LinkedHashMap<>();
        direct.forEach(c -> depth.put(c.name(), 0));
        while (!frontier.isEmpty()) {
            ComponentView current = frontier.poll();
            for (String dependentName : current.downstream()) {
                ComponentView dependent = byName.get(dependentName);
                if (dependent != null && !scoped.containsKey(dependentName) && depth.get(current.name()) < MAX_DEPTH) {
                    scoped.put(dependentName, scoped(dependent, "downstream", "depends on " + current.name()));
                    depth.put(dependentName, depth.get(current.name()) + 1);
                    frontier.add(dependent);
                }
            }
        }
        for (ComponentView component : direct) {
            for (String upstreamName : component.upstream()) {
                ComponentView dependency = byName.get(upstreamName);
                if (dependency != null && !scoped.containsKey(upstreamName)) {
                    scoped.put(upstreamName, scoped(dependency, "upstream", component.name() + " depends on it"));
                }
            }
        }
        return List.copyOf(scoped.values());
    }

    /** The catalogue names an asset by its id or its name (case-insensitive). */
    private static boolean runsOn(ComponentView component, AssetView asset) {
        String id = asset.id().toString();
        String name = asset.name().toLowerCase(Locale.ROOT);
        return component.assets().stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(a -> a.equals(id) || a.equals(name));
    }

    private List<AffectedTenant> tenants(IncidentView incident, Map<UUID, AssetView> found, Set<UUID> affected, Set<UUID> downstream,
            List<ScopedComponent> scopedComponents) {
        Map<String, Set<String>> reasons = new LinkedHashMap<>();
        for (UUID id : union(affected, downstream)) {
            AssetView asset = found.get(id);
            reasons.computeIfAbsent(asset.tenant(), t -> new LinkedHashSet<>()).add("asset " + asset.name());
        }
        for (IncidentView.LinkedAlert linked : incident.alerts()) {
            try {
                reasons.computeIfAbsent(alerts.get(linked.id()).tenant(), t -> new LinkedHashSet<>()).add("alert " + linked.id());
            } catch (ProblemException notReadable) {
                // an alert the caller may not read does not tell them its tenant
            }
        }
        for (ScopedComponent component : scopedComponents) {
            if (!component.relation().equals("upstream")) {
                reasons.computeIfAbsent(component.tenant(), t -> new LinkedHashSet<>()).add("component " + component.name());
            }
        }
        return reasons.entrySet().stream().map(e -> new AffectedTenant(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static List<AffectedData> data(Map<UUID, AssetView> found, Set<UUID> affected, Set<UUID> downstream, Set<UUID> upstream) {
        List<AffectedData> data = new ArrayList<>();
        for (UUID id : found.keySet()) {
            AssetView asset = found.get(id);
            if (asset.kind().equals("data-store")) {
                String relation = affected.contains(id) ? "affected" : downstream.contains(id) ? "downstream"
                        : upstream.contains(id) ? "upstream" : null;
                if (relation != null) {
                    data.add(new AffectedData(asset.id(), asset.name(), asset.tenant(), asset.dataSensitivity(), relation));
                }
            }
        }
        return data;
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private Optional<UUID> resolve(String tenant, String name) {
        try {
            return Optional.of(UUID.fromString(name)).filter(id -> assets.get(id).tenant().equals(tenant));
        } catch (IllegalArgumentException notAnId) {
            return registry.find(tenant, name);
        } catch (RuntimeException notFoundOrNotVisible) {
            return Optional.empty();
        }
    }

    private static ScopedAsset scoped(AssetView asset, String via) {
        return new ScopedAsset(asset.id(), asset.name(), asset.kind(), asset.criticality(), asset.environment(),
                asset.dataSensitivity(), via);
    }

    private static ScopedComponent scoped(ComponentView component, String relation, String via) {
        return new ScopedComponent(component.id(), component.name(), component.tenant(), component.owner(), component.criticality(),
                component.exposure(), relation, via);
    }
}
