package dev.vigil.server.vuln;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.AlertEntitiesQuery;
import dev.vigil.server.asset.AssetCoverageService;
import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.incident.IncidentAssetsQuery;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.vuln.assess.AssetRiskFormula;
import dev.vigil.vuln.assess.AssetRiskInputs;
import dev.vigil.vuln.ssvc.CisaLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk per asset and posture per tenant ({@link AssetRiskFormula}: open findings, firing alerts and open incidents that
 * name the asset, its coverage gaps, criticality and exposure), with a daily history recorded hourly (the day's last
 * value stays).
 */
@Service
public class RiskService {

    private final JdbcClient jdbc;
    private final AssetRegistry assets;
    private final TenantScopes tenants;
    private final AssetCoverageService coverage;
    private final AlertEntitiesQuery alerts;
    private final IncidentAssetsQuery incidents;
    private final Clock clock;

    RiskService(JdbcClient jdbc, AssetRegistry assets, TenantScopes tenants, AssetCoverageService coverage,
            AlertEntitiesQuery alerts, IncidentAssetsQuery incidents, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.tenants = tenants;
        this.coverage = coverage;
        this.alerts = alerts;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The riskiest assets of the caller's tenants (or of one). */
    public List<AssetRisk> top(String tenant, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000");
        }
        List<AssetRisk> all = new ArrayList<>();
        for (String slug : readable(tenant)) {
            all.addAll(risks(slug));
        }
        all.sort(Comparator.comparingInt(AssetRisk::score).reversed().thenComparing(AssetRisk::name));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    public TenantPosture posture(String tenant, int days) {
        if (tenant == null || tenant.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "tenant is required");
        }
        if (days < 1 || days > 3660) {
            throw ProblemException.badRequest("invalid-input", "days must be 1-3660");
        }
        tenants.require("vuln", "read", tenant.strip());
        TenantPosture.Day now = today(tenant.strip());
        List<TenantPosture.Day> history = jdbc.sql("""
                SELECT day, score, assets, open_findings, act, attend, sla_breached FROM risk_posture_daily
                WHERE tenant = ? AND day > ? ORDER BY day""")
                .params(tenant.strip(), Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days)))
                .query((rs, row) -> new TenantPosture.Day(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
        return new TenantPosture(tenant.strip(), now.score(), now.assets(), now.openFindings(), now.act(), now.attend(),
                now.slaBreached(), history);
    }

    /** Records today's posture of every tenant with assets; returns how many tenants. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    @Transactional
    public int recordPosture() {
        List<String> slugs = assets.tenantsWithAssets();
        for (String slug : slugs) {
            TenantPosture.Day day = today(slug);
            jdbc.sql("""
                    INSERT INTO risk_posture_daily (tenant, day, score, assets, open_findings, act, attend, sla_breached)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant, day) DO UPDATE SET score = excluded.score, assets = excluded.assets,
                           open_findings = excluded.open_findings, act = excluded.act, attend = excluded.attend,
                           sla_breached = excluded.sla_breached""")
                    .params(slug, Date.valueOf(day.day()), day.score(), day.assets(), day.openFindings(), day.act(),
                            day.attend(), day.slaBreached())
                    .update();
        }
        return slugs.size();
    }

    private TenantPosture.Day today(String tenant) {
        List<AssetRisk> risks = risks(tenant);
        int open = 0;
        int act = 0;
        int attend = 0;
        int breached = 0;
        for (AssetRisk risk : risks) {
            open += risk.openByDecision().values().stream().mapToInt(Integer::intValue).sum();
            act += risk.openByDecision().get(CisaLevel.ACT.label());
            attend += risk.openByDecision().get(CisaLevel.ATTEND.label());
            breached += risk.slaBreached();
        }
        return new TenantPosture.Day(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                AssetRiskFormula.posture(risks.stream().map(AssetRisk::score).toList()), risks.size(), open, act, attend,
                breached);
    }

    private List<AssetRisk> risks(String tenant) {
        Map<UUID, Map<String, Integer>> open = new HashMap<>();
        Map<UUID, Integer> breached = new HashMap<>();
        jdbc.sql("""
                SELECT asset_id, ssvc_decision, count(*), count(*) FILTER (WHERE sla_due < now()) FROM vuln_finding
                WHERE tenant = ? AND status IN ('new', 'reopened', 'triaged', 'in_remediation') GROUP BY 1, 2""")
                .param(tenant)
                .query(rs -> {
                    UUID asset = rs.getObject(1, UUID.class);
                    open.computeIfAbsent(asset, a -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    breached.merge(asset, rs.getInt(4), Integer::sum);
                });
        AssetNameResolver names = new AssetNameResolver(tenant);
        Map<UUID, List<String>> alertsByAsset = new HashMap<>();
        for (AlertEntitiesQuery.AlertHosts alert : alerts.firing(tenant)) {
            if (alert.source().equals(FindingSlaService.ALERT_SOURCE)) {
                continue; // an SLA breach alert restates a finding the score already counts
            }
            names.assetsOf(alert.hosts()).forEach(id -> alertsByAsset.computeIfAbsent(id, a -> new ArrayList<>()).add(alert.severity()));
        }
        Map<UUID, List<Integer>> incidentsByAsset = new HashMap<>();
        for (IncidentAssetsQuery.OpenIncident incident : incidents.open(tenant)) {
            names.assetsOf(incident.names()).forEach(id -> incidentsByAsset.computeIfAbsent(id, a -> new ArrayList<>()).add(incident.level()));
        }
        Map<UUID, List<String>> gaps = new HashMap<>();
        coverage.ofTenantForJobs(tenant).forEach(c -> gaps.put(c.assetId(), c.gaps()));
        List<AssetRisk> risks = new ArrayList<>();
        for (AssetView asset : assets.liveAssets(tenant)) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<CisaLevel, Integer> levels = new HashMap<>();
            for (CisaLevel level : List.of(CisaLevel.ACT, CisaLevel.ATTEND, CisaLevel.TRACK_STAR, CisaLevel.TRACK)) {
                int n = open.getOrDefault(asset.id(), Map.of()).getOrDefault(level.label(), 0);
                counts.put(level.label(), n);
                levels.put(level, n);
            }
            List<String> assetGaps = gaps.getOrDefault(asset.id(), List.of());
            List<String> firing = alertsByAsset.getOrDefault(asset.id(), List.of());
            List<Integer> incidentLevels = incidentsByAsset.getOrDefault(asset.id(), List.of());
            risks.add(new AssetRisk(asset.id(), tenant, asset.name(), asset.kind(), asset.criticality(),
                    asset.internetExposed(), !assetGaps.contains("not-scanned"), counts, breached.getOrDefault(asset.id(), 0),
                    firing.size(), incidentLevels.size(), assetGaps,
                    AssetRiskFormula.score(new AssetRiskInputs(asset.criticality(), asset.internetExposed(), levels, firing,
                            incidentLevels, Set.copyOf(assetGaps)))));
        }
        return risks;
    }

    /** Looks up the names alerts and incidents give (asset name, host name, address, asset id) among a tenant's assets. */
    private final class AssetNameResolver {

        private final String tenant;
        private final Map<String, Optional<UUID>> known = new HashMap<>();

        AssetNameResolver(String tenant) {
            this.tenant = tenant;
        }

        Set<UUID> assetsOf(Collection<String> names) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (String name : names) {
                known.computeIfAbsent(name, this::resolve).ifPresent(ids::add);
            }
            return ids;
        }

        private Optional<UUID> resolve(String name) {
            try {
                UUID id = UUID.fromString(name);
                return assets.describe(id).filter(a -> a.tenant().equals(tenant)).map(AssetView::id);
            } catch (IllegalArgumentException notAnId) {
                return assets.find(tenant, name);
            }
        }
    }

    private List<String> readable(String tenant) {
        if (tenant != null && !tenant.isBlank()) {
            tenants.require("vuln", "read", tenant.strip());
            return List.of(tenant.strip());
        }
        List<String> slugs = tenants.slugs("vuln", "read");
        List<String> withAssets = assets.tenantsWithAssets();
        return slugs == null ? withAssets : withAssets.stream().filter(slugs::contains).toList();
    }
}
