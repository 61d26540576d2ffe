package dev.vigil.server.incident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.AlertEntitiesQuery;
import dev.vigil.server.asset.AssetLinkView;
import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetService;
import dev.vigil.server.asset.AssetView;
import org.springframework.stereotype.Service;

/**
 * An incident's impact scope from the asset inventory: the affected assets (those recorded with the grading and the
 * hosts and addresses its alerts and observables name, looked up in the incident's tenant), every asset that depends
 * on them directly or through others (downstream, following the dependency links), and what they depend on (upstream,
 * one step: candidates for the root cause). Names that match no asset are listed as unresolved.
 */
@Service
public class ImpactScopeService {

    static final int MAX_DEPTH = 6;

    private final IncidentService incidents;
    private final AssetRegistry registry;
    private final AssetService assets;

    ImpactScopeService(IncidentService incidents, AssetRegistry registry, AssetService assets) {
        this.incidents = incidents;
        this.registry = registry;
        this.assets = assets;
    }

    /** One asset in the scope; {@code via} says why it is there (the name it was found by, or the asset it depends on). */
    public record ScopedAsset(UUID id, String name, String kind, int criticality, String environment, String dataSensitivity,
                              String via) {
    }

    public record ImpactScope(UUID incidentId, String tenant, List<ScopedAsset> affected, List<ScopedAsset> downstream,
                              List<ScopedAsset> upstream, List<String> unresolved) {
    }

    public ImpactScope of(UUID incidentId) {
        IncidentView incident = incidents.get(incidentId);
        Map<UUID, ScopedAsset> affected = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (String name : seeds(incident)) {
            Optional<UUID> found = resolve(incident.tenant(), name);
            if (found.isEmpty()) {
                unresolved.add(name);
            } else if (!affected.containsKey(found.get())) {
                affected.put(found.get(), scoped(assets.get(found.get()), name));
            }
        }
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
                        downstream.put(dependent, scoped(assets.get(dependent), "depends on " + link.upstreamName()));
                        depth.put(dependent, depth.get(current) + 1);
                        frontier.add(dependent);
                    }
                } else if (affected.containsKey(current) && !affected.containsKey(link.upstreamId())) {
                    upstream.putIfAbsent(link.upstreamId(), scoped(assets.get(link.upstreamId()), link.downstreamName() + " depends on it"));
                }
            }
        }
        return new ImpactScope(incident.id(), incident.tenant(), List.copyOf(affected.values()), List.copyOf(downstream.values()),
                List.copyOf(upstream.values()), unresolved);
    }

    private static Set<String> seeds(IncidentView incident) {
        Set<String> names = new LinkedHashSet<>(incident.affectedAssets());
        for (IncidentView.LinkedAlert alert : incident.alerts()) {
            alert.entities().forEach((field, value) -> {
                if (AlertEntitiesQuery.HOST_FIELDS.contains(field) && value != null && !value.isBlank()) {
                    names.add(value.strip());
                }
            });
        }
        for (IncidentView.Observable observable : incident.observables()) {
            if (IncidentAssetsQuery.HOST_OBSERVABLES.contains(observable.kind())) {
                names.add(observable.value());
            }
        }
        return names;
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
}
