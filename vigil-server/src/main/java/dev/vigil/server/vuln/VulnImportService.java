package dev.vigil.server.vuln;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.asset.SoftwarePackage;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.internal.FindingIdentity;
import dev.vigil.server.vuln.internal.FindingRecorder;
import dev.vigil.server.vuln.internal.TenantClause;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.ScannerFormat;
import dev.vigil.vuln.report.ScannerReport;
import dev.vigil.vuln.report.ScannerReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a scanner report (format detected from the content) in one transaction: every finding is bound to the asset
 * the report names (found by address, host name or name, or created), keyed by its stable identity so a reimport
 * updates instead of duplicating; findings seen again after a fix reopen; and findings that the same scanner, on the
 * same asset and scope, reported before but not now are verified (when marked fixed) or closed. Findings of other
 * scanners or scopes are never touched. A malformed report is refused whole, naming the file and the place.
 */
@Service
public class VulnImportService {

    private final JdbcClient jdbc;
    private final AssetRegistry assets;
    private final FindingRecorder recorder;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final Clock clock;

    VulnImportService(JdbcClient jdbc, AssetRegistry assets, FindingRecorder recorder, AccessPolicy access,
            TenantScopes tenants, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.recorder = recorder;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param fileName     names the report in errors and history
     * @param tenant       tenant slug the assets belong to (default {@code platform})
     * @param defaultAsset asset name for findings whose report does not name the scanned system, or null
     * @param scope        narrows which earlier findings a reimport may close (e.g. a scan profile), or null
     */
    @Transactional
    public VulnImportReport importReport(String fileName, byte[] content, String tenant, String defaultAsset, String scope) {
        String slug = tenant == null || tenant.isBlank() ? "platform" : tenant.strip();
        tenants.require("vuln", "update", slug);
        String file = fileName == null || fileName.isBlank() ? "upload" : fileName.replace("\u0000", "").strip();
        if (file.length() > 255) {
            file = file.substring(file.length() - 255);
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("invalid-report", file + ": the upload is empty");
        }
        if (scope != null && (scope.length() > 200 || scope.indexOf('\0') >= 0)) {
            throw ProblemException.badRequest("invalid-input", "scope is at most 200 characters, without NUL");
        }
        ScannerReport report;
        try {
            report = ScannerReports.read(file, content);
        } catch (InvalidInputException e) {
            throw ProblemException.badRequest("invalid-report", e.getMessage());
        }
        String fallback = defaultAsset == null || defaultAsset.isBlank() ? null : defaultAsset.strip();
        for (int i = 0; i < report.findings().size(); i++) {
            if (report.findings().get(i).target() == null && fallback == null) {
                throw ProblemException.badRequest("invalid-report", file + ": finding " + (i + 1)
                        + " does not name the scanned system (" + report.format().displayName()
                        + " reports may not); give the asset parameter");
            }
        }
        if (!report.inventory().components().isEmpty() && report.inventory().subject() == null && fallback == null) {
            throw ProblemException.badRequest("invalid-report", file + ": the SBOM does not name the system it describes; "
                    + "give the asset parameter");
        }
        return store(file, report, slug, fallback, scope);
    }

    /** The latest imports of the caller's tenants. */
    public List<VulnImportView> list(String tenant, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT id, tenant, file_name, format, scanners, received, created, updated, reopened, closed, imported_by,
                       imported_at FROM vuln_import WHERE true""");
        TenantClause.append(sql, params, "tenant", tenants.slugs("vuln", "read"), tenant);
        sql.append(" ORDER BY imported_at DESC, id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new VulnImportView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray()), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11), rs.getTimestamp(12).toInstant()))
                .list();
    }

    private VulnImportReport store(String file, ScannerReport report, String tenant, String fallback, String scope) {
        Instant now = clock.instant();
        String actor = access.requireCurrent().username();
        UUID importId = UUID.randomUUID();
        Set<String> scanners = new LinkedHashSet<>();
        report.findings().forEach(f -> scanners.add(f.scanner()));
        jdbc.sql("""
                INSERT INTO vuln_import (id, tenant, file_name, format, scanners, received, created, updated, reopened,
                                         closed, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)""")
                .params(importId, tenant, file, report.format().displayName(), scanners.toArray(String[]::new),
                        report.findings().size(), actor, java.sql.Timestamp.from(now))
                .update();
        String kind = hostReport(report.format()) ? "host" : "service";
        Map<String, AssetView> assetsByTarget = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        Map<UUID, Map<String, List<SoftwarePackage>>> software = new LinkedHashMap<>();
        int created = 0;
        int updated = 0;
        int reopened = 0;
        int duplicates = 0;
        for (Finding finding : report.findings()) {
            String target = (finding.target() != null ? finding.target() : fallback).replace("\u0000", "");
            AssetView asset = assetsByTarget.computeIfAbsent(target, t -> assets.describe(assets.resolve(tenant,
                    new AssetRegistry.Observation(t, kind, List.of()), "scan", now).assetId()).orElseThrow());
            String identity = FindingIdentity.of(finding);
            String findingScope = asset.id() + (scope == null ? "" : "|" + scope.strip());
            scopes.computeIfAbsent(finding.scanner(), s -> new LinkedHashSet<>()).add(findingScope);
            if (!seen.add(asset.id() + "/" + identity)) {
                duplicates++;
                continue;
            }
            switch (recorder.record(tenant, asset, identity, finding, findingScope, importId, file, actor, now)) {
                case CREATED -> created++;
                case REOPENED -> {
                    reopened++;
                    updated++;
                }
                case UPDATED -> updated++;
            }
            if (finding.kind() == FindingKind.VULNERABILITY && finding.component() != null && finding.component().name() != null) {
                software.computeIfAbsent(asset.id(), a -> new LinkedHashMap<>())
                        .computeIfAbsent(finding.scanner(), s -> new ArrayList<>())
                        .add(new SoftwarePackage(finding.component().name(), finding.component().version(),
                                finding.component().purl(), null, finding.scanner(), now));
            }
        }
        int closed = closeGone(scopes, importId, file, actor);
        List<String> assetNames = new ArrayList<>(recordInventory(report, tenant, fallback, now));
        for (AssetView asset : assetsByTarget.values()) {
            assets.recordScan(asset.id(), now);
        }
        software.forEach((assetId, byScanner) -> byScanner.forEach((scanner, packages) ->
                assets.recordSoftware(assetId, packages.stream().distinct().toList(), scanner)));
        jdbc.sql("UPDATE vuln_import SET created = ?, updated = ?, reopened = ?, closed = ? WHERE id = ?")
                .params(created, updated, reopened, closed, importId).update();
        assetsByTarget.values().stream().map(AssetView::name).filter(n -> !assetNames.contains(n)).forEach(assetNames::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant);
        body.put("file", file);
        body.put("format", report.format().displayName());
        body.put("findings", report.findings().size());
        body.put("created", created);
        body.put("updated", updated);
        body.put("reopened", reopened);
        body.put("closed", closed);
        body.put("assets", assetNames);
        audit.record(AuditEntry.success("vuln.import", "vuln-import", importId, null, body));
        return new VulnImportReport(importId, file, report.format().displayName(), report.findings().size(), created,
                updated, reopened, duplicates, closed, assetNames);
    }

    /** An SBOM's components become the software inventory (source {@code sbom}) of the system it describes. */
    private List<String> recordInventory(ScannerReport report, String tenant, String fallback, Instant now) {
        if (report.inventory().components().isEmpty()) {
            return List.of();
        }
        String subject = (report.inventory().subject() != null ? report.inventory().subject() : fallback).replace("\u0000", "");
        AssetView asset = assets.describe(assets.resolve(tenant, new AssetRegistry.Observation(subject, "service", List.of()),
                "scan", now).assetId()).orElseThrow();
        assets.recordSoftware(asset.id(), report.inventory().components().stream()
                .map(c -> new SoftwarePackage(c.name(), c.version(), c.purl(), null, "sbom", now)).distinct().toList(), "sbom");
        return List.of(asset.name());
    }

    private int closeGone(Map<String, Set<String>> scopes, UUID importId, String file, String actor) {
        int closed = 0;
        for (Map.Entry<String, Set<String>> entry : scopes.entrySet()) {
            closed += recorder.closeGone(entry.getKey(), entry.getValue(), importId, file, actor);
        }
        return closed;
    }

    private static boolean hostReport(ScannerFormat format) {
        return switch (format) {
            case NESSUS_XML, NESSUS_CSV, OPENVAS_XML, OPENVAS_CSV -> true;
            default -> false;
        };
    }
}
