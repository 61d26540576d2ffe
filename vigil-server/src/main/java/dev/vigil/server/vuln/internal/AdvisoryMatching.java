package dev.vigil.server.vuln.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.asset.SoftwarePackage;
import dev.vigil.server.vuln.AdvisoryMatchReport;
import dev.vigil.vuln.advisory.Advisory;
import dev.vigil.vuln.advisory.AdvisoryMatch;
import dev.vigil.vuln.advisory.AdvisoryMatcher;
import dev.vigil.vuln.advisory.AdvisoryReader;
import dev.vigil.vuln.advisory.AdvisorySeverity;
import dev.vigil.vuln.advisory.DistroRelease;
import dev.vigil.vuln.advisory.InstalledPackage;
import dev.vigil.vuln.advisory.MatchKeys;
import dev.vigil.vuln.advisory.Verdict;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonDocumentParser;
import dev.vigil.vuln.report.Component;
import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.FindingSeverity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matches assets' software inventories against the advisory database. Each affected installed package becomes a
 * finding of source {@value #SOURCE} under the stable finding identity (so a scanner's finding of the same
 * vulnerability and package is the same finding, with both sources); a run covers one asset and closes only the
 * {@value #SOURCE} findings of that asset that no longer match. Every run is a {@code vuln_import} row.
 */
@org.springframework.stereotype.Component
public class AdvisoryMatching {

    public static final String SOURCE = "advisory-match";

    private final JdbcClient jdbc;
    private final AssetRegistry assets;
    private final FindingRecorder recorder;
    private final Clock clock;

    AdvisoryMatching(JdbcClient jdbc, AssetRegistry assets, FindingRecorder recorder, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Matches every live asset of the tenant. */
    public AdvisoryMatchReport matchTenant(String tenant, String actor) {
        Tally tally = new Tally();
        Map<String, Advisory> cache = new HashMap<>();
        List<AssetView> live = assets.liveAssets(tenant);
        for (AssetView asset : live) {
            matchAsset(asset, actor, cache, tally);
        }
        return tally.report(tenant, live.size());
    }

    /** Matches one asset (after its inventory changed). */
    public AdvisoryMatchReport matchAsset(UUID assetId, String actor) {
        Tally tally = new Tally();
        AssetView asset = assets.describe(assetId).orElse(null);
        if (asset == null) {
            return tally.report(null, 0);
        }
        matchAsset(asset, actor, new HashMap<>(), tally);
        return tally.report(asset.tenant(), 1);
    }

    private void matchAsset(AssetView asset, String actor, Map<String, Advisory> cache, Tally tally) {
        Instant now = clock.instant();
        List<SoftwarePackage> software = assets.software(asset.id());
        String scope = asset.id().toString();
        boolean hadFindings = jdbc.sql("SELECT count(*) FROM vuln_finding_source WHERE scanner = ? AND scope = ? AND present")
                .params(SOURCE, scope).query(Long.class).single() > 0;
        Map<InstalledPackage, Set<String>> keys = new HashMap<>();
        Set<String> allKeys = new LinkedHashSet<>();
        DistroRelease os = AssetDistribution.of(asset, software).orElse(null);
        for (SoftwarePackage p : software) {
            InstalledPackage installed = new InstalledPackage(p.name(), p.version(), p.purl(), p.cpe(), p.type(), os);
            Set<String> k = MatchKeys.of(installed);
            if (!k.isEmpty()) {
                keys.put(installed, k);
                allKeys.addAll(k);
            }
        }
        if (allKeys.isEmpty() && !hadFindings) {
            return;
        }
        Map<String, Set<String>> advisoriesByKey = new HashMap<>();
        jdbc.sql("""
                SELECT k.match_key, k.advisory_id FROM vuln_advisory_key k JOIN vuln_advisory a ON a.id = k.advisory_id
                WHERE k.match_key = ANY(?) AND a.withdrawn IS NULL""")
                .param(allKeys.toArray(String[]::new))
                .query(rs -> {
                    advisoriesByKey.computeIfAbsent(rs.getString(1), x -> new LinkedHashSet<>()).add(rs.getString(2));
                });
        if (advisoriesByKey.isEmpty() && !hadFindings) {
            tally.packages += keys.size();
            return;
        }
        UUID runId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO vuln_import (id, tenant, file_name, format, scanners, received, created, updated, reopened,
                                         closed, imported_by, imported_at)
                VALUES (?, ?, ?, 'advisory matching', ?, 0, 0, 0, 0, 0, ?, ?)""")
                .params(runId, asset.tenant(), "inventory of " + asset.name(), new String[] {SOURCE}, actor,
                        Timestamp.from(now))
                .update();
        int received = 0;
        int created = 0;
        int updated = 0;
        int reopened = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<InstalledPackage, Set<String>> entry : keys.entrySet()) {
            Set<String> candidates = new LinkedHashSet<>();
            entry.getValue().forEach(k -> candidates.addAll(advisoriesByKey.getOrDefault(k, Set.of())));
            tally.packages++;
            for (String advisoryId : candidates) {
                Advisory advisory = cache.computeIfAbsent(advisoryId, this::load);
                if (advisory == null) {
                    continue;
                }
                AdvisoryMatch match = AdvisoryMatcher.match(advisory, entry.getKey()).orElse(null);
                if (match == null || match.verdict().status() == Verdict.Status.NOT_AFFECTED) {
                    continue;
                }
                if (match.verdict().status() == Verdict.Status.UNKNOWN) {
                    tally.undetermined(asset.name(), match);
                    continue;
                }
                tally.affected++;
                Finding finding = finding(match, asset.name());
                String identity = FindingIdentity.of(finding);
                if (!seen.add(identity)) {
                    continue;
                }
                received++;
                switch (recorder.record(asset.tenant(), asset, identity, finding, scope, runId, "advisory matching", actor, now)) {
                    case CREATED -> created++;
                    case REOPENED -> {
                        reopened++;
                        updated++;
                    }
                    case UPDATED -> updated++;
                }
            }
        }
        int closed = recorder.closeGone(SOURCE, Set.of(scope), runId, "advisory matching", actor);
        jdbc.sql("UPDATE vuln_import SET received = ?, created = ?, updated = ?, reopened = ?, closed = ? WHERE id = ?")
                .params(received, created, updated, reopened, closed, runId).update();
        tally.created += created;
        tally.updated += updated;
        tally.reopened += reopened;
        tally.closed += closed;
    }

    private Advisory load(String id) {
        return jdbc.sql("SELECT record, source_file FROM vuln_advisory WHERE id = ?").param(id)
                .query((rs, row) -> {
                    try {
                        return AdvisoryReader.readRecord(JsonDocumentParser.parse(rs.getString(2), rs.getString(1))).orElse(null);
                    } catch (InvalidInputException e) {
                        throw new IllegalStateException("stored advisory " + id + " no longer reads: " + e.getMessage(), e);
                    }
                })
                .optional().orElse(null);
    }

    private static Finding finding(AdvisoryMatch match, String target) {
        Advisory advisory = match.advisory();
        InstalledPackage installed = match.installed();
        String vector = advisory.cvssVector();
        java.math.BigDecimal reported = advisory.severities().stream()
                .filter(s -> s.score().equals(vector) && s.reportedScore() != null)
                .map(AdvisorySeverity::reportedScore).findFirst().orElse(null);
        String fixed = match.verdict().fixedVersion();
        List<String> aliases = new ArrayList<>(advisory.aliases());
        return new Finding(SOURCE, FindingKind.VULNERABILITY, advisory.id(), aliases, advisory.summary(),
                FindingSeverity.UNKNOWN, vector, reported,
                Component.of(installed.name(), installed.effectiveVersion(), installed.purl() == null || installed.purl().isBlank()
                        ? null : installed.purl()),
                null, fixed, fixed == null ? null : "upgrade " + installed.name() + " to " + fixed + " or later", null,
                match.verdict().reason() + " (" + advisory.format().displayName() + " " + match.entry().place() + ")",
                target);
    }

    private static final class Tally {
        int packages;
        int affected;
        int undetermined;
        int created;
        int updated;
        int reopened;
        int closed;
        final List<AdvisoryMatchReport.Undetermined> details = new ArrayList<>();

        void undetermined(String asset, AdvisoryMatch match) {
            undetermined++;
            if (details.size() < AdvisoryMatchReport.MAX_DETAILS) {
                InstalledPackage p = match.installed();
                details.add(new AdvisoryMatchReport.Undetermined(asset, p.name(), p.effectiveVersion(), match.advisory().id(),
                        match.verdict().reason()));
            }
        }

        AdvisoryMatchReport report(String tenant, int assets) {
            return new AdvisoryMatchReport(tenant, assets, packages, affected, undetermined, created, updated, reopened, closed,
                    details);
        }
    }
}
