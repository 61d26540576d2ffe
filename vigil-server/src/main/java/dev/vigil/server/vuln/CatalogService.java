package dev.vigil.server.vuln;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.internal.FindingRescorer;
import dev.vigil.vuln.catalog.EpssCatalog;
import dev.vigil.vuln.catalog.EpssReader;
import dev.vigil.vuln.catalog.EpssScore;
import dev.vigil.vuln.catalog.KevCatalog;
import dev.vigil.vuln.catalog.KevCatalogReader;
import dev.vigil.vuln.catalog.KevEntry;
import dev.vigil.vuln.parse.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CISA KEV and FIRST EPSS catalogs, uploaded as files (KEV JSON or CSV; EPSS CSV, gzip or API JSON). An upload
 * replaces the catalog and rescores every finding that names a CVE. Catalogs are global: uploading needs
 * {@code vuln:update} on every tenant.
 */
@Service
public class CatalogService {

    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FindingRescorer rescorer;
    private final AccessPolicy access;
    private final AuditLog audit;

    CatalogService(JdbcClient jdbc, JdbcTemplate template, FindingRescorer rescorer, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.rescorer = rescorer;
        this.access = access;
        this.audit = audit;
    }

    public List<CatalogStatus> list() {
        access.requireCurrent();
        return jdbc.sql("SELECT kind, version, entries, imported_by, imported_at FROM vuln_catalog ORDER BY kind")
                .query((rs, row) -> new CatalogStatus(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), 0))
                .list();
    }

    @Transactional
    public CatalogStatus importKev(String fileName, byte[] content) {
        access.require("vuln", "update", null);
        KevCatalog catalog;
        try {
            catalog = KevCatalogReader.read(name(fileName, "kev"), new String(nonEmpty(content), StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            throw ProblemException.badRequest("invalid-catalog", e.getMessage());
        }
        jdbc.sql("DELETE FROM vuln_kev").update();
        List<Object[]> rows = new ArrayList<>();
        for (KevEntry e : catalog.entries()) {
            rows.add(new Object[] {e.cveId().toUpperCase(), text(e.vendorProject()), text(e.product()),
                    text(e.vulnerabilityName()), e.dateAdded() == null ? null : Date.valueOf(e.dateAdded()),
                    e.dueDate() == null ? null : Date.valueOf(e.dueDate()), e.knownRansomwareCampaignUse()});
        }
        batch("INSERT INTO vuln_kev (cve_id, vendor, product, name, date_added, due_date, ransomware) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (cve_id) DO NOTHING", rows);
        return finish("kev", text(catalog.catalogVersion()), catalog.size());
    }

    @Transactional
    public CatalogStatus importEpss(String fileName, byte[] content) {
        access.require("vuln", "update", null);
        EpssCatalog catalog;
        try {
            catalog = EpssReader.read(name(fileName, "epss"), nonEmpty(content));
        } catch (InvalidInputException e) {
            throw ProblemException.badRequest("invalid-catalog", e.getMessage());
        }
        jdbc.sql("DELETE FROM vuln_epss").update();
        List<Object[]> rows = new ArrayList<>();
        for (EpssScore s : catalog.scores()) {
            rows.add(new Object[] {s.cveId().toUpperCase(), s.epss(), s.percentile()});
        }
        batch("INSERT INTO vuln_epss (cve_id, score, percentile) VALUES (?, ?, ?) ON CONFLICT (cve_id) DO NOTHING", rows);
        return finish("epss", text(catalog.scoreDate()), catalog.size());
    }

    private CatalogStatus finish(String kind, String version, int entries) {
        String by = access.requireCurrent().username();
        jdbc.sql("""
                INSERT INTO vuln_catalog (kind, version, entries, imported_by, imported_at) VALUES (?, ?, ?, ?, now())
                ON CONFLICT (kind) DO UPDATE SET version = excluded.version, entries = excluded.entries,
                       imported_by = excluded.imported_by, imported_at = excluded.imported_at""")
                .params(kind, version, entries, by).update();
        int rescored = rescorer.rescoreCveFindings();
        audit.record(AuditEntry.success("vuln.catalog.import", "vuln-catalog", kind, null,
                Map.of("version", version, "entries", entries, "findingsRescored", rescored)));
        CatalogStatus stored = list().stream().filter(c -> c.kind().equals(kind)).findFirst().orElseThrow();
        return new CatalogStatus(kind, stored.version(), stored.entries(), stored.importedBy(), stored.importedAt(), rescored);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    private static byte[] nonEmpty(byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("invalid-catalog", "the upload is empty");
        }
        return content;
    }

    private static String name(String fileName, String fallback) {
        return fileName == null || fileName.isBlank() ? fallback : fileName.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
