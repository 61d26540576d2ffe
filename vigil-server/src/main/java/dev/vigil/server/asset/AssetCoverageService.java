package dev.vigil.server.asset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.ingest.InputHealth;
import dev.vigil.server.ingest.InputHealthService;
import dev.vigil.server.ingest.InputService;
import dev.vigil.server.ingest.InputView;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Blind spots: per asset, whether it sends logs (events naming its host names or addresses recently, or an active
 * input bound to it by name or id), whether it was scanned recently, whether it is monitored and whether a bastion target
 * fronts it. The last two come from the features that know ({@link CoverageSource}); an aspect no feature reports is
 * unknown (null) and not a gap.
 */
@Service
public class AssetCoverageService {

    private final AssetService assets;
    private final AssetRegistry registry;
    private final EventSearchService events;
    private final InputService inputs;
    private final InputHealthService health;
    private final ObjectProvider<CoverageSource> sources;
    private final VigilProperties properties;
    private final Clock clock;

    AssetCoverageService(AssetService assets, AssetRegistry registry, EventSearchService events, InputService inputs,
            InputHealthService health, ObjectProvider<CoverageSource> sources, VigilProperties properties, Clock clock) {
        this.assets = assets;
        this.registry = registry;
        this.events = events;
        this.inputs = inputs;
        this.health = health;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    public AssetCoverage of(UUID assetId) {
        return coverage(List.of(assets.get(assetId)), activeInputs(inputs.list(), health.list()), events::count).get(0);
    }

    /** Coverage of the caller's assets; with {@code gapsOnly} only those missing something. */
    public List<AssetCoverage> list(String tenant, boolean gapsOnly, int limit, int offset) {
        List<AssetCoverage> all = coverage(assets.list(tenant, null, null, limit, offset),
                activeInputs(inputs.list(), health.list()), events::count);
        return gapsOnly ? all.stream().filter(c -> !c.gaps().isEmpty()).toList() : all;
    }

    /** Coverage of every live asset of a tenant, for system jobs (asset risk); no caller check. */
    public List<AssetCoverage> ofTenantForJobs(String tenant) {
        return coverage(registry.liveAssets(tenant), activeInputs(inputs.listForJobs(), health.listForJobs()),
                (query, from, to) -> events.countInTenant(tenant, query, from, to));
    }

    /** Counts the events a query finds, within the tenants the caller (or the job) may see. */
    private interface EventCounter {
        long count(String query, Instant from, Instant to);
    }

    private List<AssetCoverage> coverage(List<AssetView> list, Map<String, List<String>> activeInputsByAsset,
            EventCounter eventCounter) {
        Instant now = clock.instant();
        Instant logsFrom = now.minus(properties.asset().logWindow());
        Instant scanFrom = now.minus(properties.asset().scanStaleAfter());
        CoveredAssets monitoring = new CoveredAssets(CoverageSource.Aspect.MONITORED);
        CoveredAssets bastion = new CoveredAssets(CoverageSource.Aspect.BASTION);
        List<AssetCoverage> result = new ArrayList<>();
        for (AssetView asset : list) {
            List<String> sources = new ArrayList<>(activeInputsByAsset.getOrDefault(asset.name().toLowerCase(), List.of()));
            sources.addAll(activeInputsByAsset.getOrDefault(asset.id().toString(), List.of()));
            boolean logs = !sources.isEmpty() || eventsNamed(asset, logsFrom, now, eventCounter);
            boolean scanned = asset.lastScannedAt() != null && !asset.lastScannedAt().isBefore(scanFrom);
            List<String> gaps = new ArrayList<>();
            if (!logs) {
                gaps.add("no-logs");
            }
            if (!scanned) {
                gaps.add("not-scanned");
            }
            Boolean monitored = monitoring.covers(asset);
            if (Boolean.FALSE.equals(monitored)) {
                gaps.add("not-monitored");
            }
            Boolean viaBastion = bastion.covers(asset);
            if (Boolean.FALSE.equals(viaBastion)) {
                gaps.add("no-bastion-target");
            }
            result.add(new AssetCoverage(asset.id(), asset.tenant(), asset.name(), asset.kind(), asset.criticality(), logs,
                    sources, scanned, asset.lastScannedAt(), monitored, viaBastion, gaps));
        }
        return result;
    }

    private static boolean eventsNamed(AssetView asset, Instant from, Instant to, EventCounter eventCounter) {
        List<String> clauses = new ArrayList<>();
        for (String hostname : asset.hostnames()) {
            clauses.add("host.name:\"" + hostname + "\"");
        }
        for (String address : asset.addresses()) {
            clauses.add("host.ip:\"" + address + "\"");
        }
        if (clauses.isEmpty()) {
            return false;
        }
        return eventCounter.count(String.join(" OR ", clauses), from, to) > 0;
    }

    /** Names of the active inputs per asset binding (lower-cased asset name or asset id). */
    private static Map<String, List<String>> activeInputs(List<InputView> inputs, List<InputHealth> health) {
        Map<UUID, String> status = health.stream().collect(Collectors.toMap(InputHealth::inputId, InputHealth::status));
        return inputs.stream()
                .filter(input -> input.asset() != null && !input.asset().isBlank())
                .filter(input -> "active".equals(status.get(input.id())))
                .collect(Collectors.groupingBy(input -> input.asset().strip().toLowerCase(),
                        Collectors.mapping(InputView::name, Collectors.toList())));
    }

    /** What the sources of one aspect cover, asked once per tenant while one coverage answer is built. */
    private final class CoveredAssets {

        private final List<CoverageSource> ofAspect;
        private final Map<String, Set<String>> byTenant = new HashMap<>();

        CoveredAssets(CoverageSource.Aspect aspect) {
            this.ofAspect = sources.orderedStream().filter(source -> source.aspect() == aspect).toList();
        }

        /** Null when no source reports this aspect. */
        Boolean covers(AssetView asset) {
            if (ofAspect.isEmpty()) {
                return null;
            }
            Set<String> covered = byTenant.computeIfAbsent(asset.tenant(), tenant -> {
                Set<String> keys = new HashSet<>();
                ofAspect.forEach(source -> keys.addAll(source.coveredAssets(tenant)));
                return keys;
            });
            return covered.contains(asset.id().toString()) || covered.contains(asset.name().toLowerCase());
        }
    }
}
