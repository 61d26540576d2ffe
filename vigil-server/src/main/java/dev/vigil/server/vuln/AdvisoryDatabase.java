package dev.vigil.server.vuln;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.internal.AdvisoryMatching;
import dev.vigil.vuln.advisory.Advisory;
import dev.vigil.vuln.advisory.AdvisoryFile;
import dev.vigil.vuln.advisory.AdvisoryReader;
import dev.vigil.vuln.advisory.MatchKeys;
import dev.vigil.vuln.parse.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisory database: OSV and CVE JSON 5 records uploaded as one record, a JSON array or a zip. Advisories are
 * global (like the KEV/EPSS catalogs), so uploading needs {@code vuln:update} on every tenant. A record replaces the
 * stored one of the same id; broken records are listed with their reason and the others are stored. After an upload
 * every tenant's software inventory is matched against the database in the same transaction.
 */
@Service
public class AdvisoryDatabase {

    private final JdbcClient jdbc;
    private final AdvisoryMatching matching;
    private final AssetRegistry assets;
    private final AccessPolicy access;
    private final AuditLog audit;

    AdvisoryDatabase(JdbcClient jdbc, AdvisoryMatching matching, AssetRegistry assets, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.matching = matching;
        this.assets = assets;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public AdvisoryImportReport importAdvisories(String fileName, byte[] content) {
        access.require("vuln", "update", null);
        String file = fileName == null || fileName.isBlank() ? "advisories" : fileName.replace("\u0000", "").strip();
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("invalid-advisories", file + ": the upload is empty");
        }
        AdvisoryFile read;
        try {
            read = AdvisoryReader.read(file, content);
        } catch (InvalidInputException e) {
            throw ProblemException.badRequest("invalid-advisories", e.getMessage());
        }
        List<String> invalid = read.skipped().stream().filter(s -> !s.rejected()).map(AdvisoryFile.Skipped::message).toList();
        int rejected = read.skipped().size() - invalid.size();
        if (read.advisories().isEmpty() && !invalid.isEmpty()) {
            throw ProblemException.badRequest("invalid-advisories", "no advisory could be read: "
                    + String.join("; ", invalid.subList(0, Math.min(5, invalid.size()))));
        }
        String actor = access.requireCurrent().username();
        for (Advisory advisory : read.advisories()) {
            store(advisory, file, actor);
        }
        List<AdvisoryMatchReport> matched = new ArrayList<>();
        for (String tenant : assets.tenantsWithAssets()) {
            matched.add(matching.matchTenant(tenant, actor));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", file);
        body.put("stored", read.advisories().size());
        body.put("rejected", rejected);
        body.put("invalid", invalid.size());
        body.put("ids", read.advisories().stream().map(Advisory::id).limit(1000).toList());
        audit.record(AuditEntry.success("vuln.advisories.import", "vuln-advisories", null, null, body));
        return new AdvisoryImportReport(file, read.advisories().size(), rejected, invalid.size(),
                invalid.subList(0, Math.min(100, invalid.size())), matched);
    }

    /** Advisories, newest upload first; {@code search} matches the id, an alias or the summary. */
    public List<AdvisoryView> list(String search, int limit, int offset) {
        access.requireCurrent();
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000 and offset at least 0");
        }
        if (search != null && search.length() > 200) {
            throw ProblemException.badRequest("invalid-input", "search is at most 200 characters");
        }
        String pattern = search == null || search.isBlank() ? null
                : "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT id, format, summary, aliases, published, modified, withdrawn, cvss_vector, packages, source_file,
                       imported_by, imported_at
                FROM vuln_advisory
                WHERE CAST(? AS text) IS NULL OR id ILIKE ? OR summary ILIKE ? OR array_to_string(aliases, ' ') ILIKE ?
                ORDER BY imported_at DESC, id LIMIT ? OFFSET ?""")
                .params(pattern, pattern, pattern, pattern, limit, offset)
                .query((rs, row) -> new AdvisoryView(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8), rs.getInt(9),
                        rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12))))
                .list();
    }

    public long count() {
        access.requireCurrent();
        return jdbc.sql("SELECT count(*) FROM vuln_advisory").query(Long.class).single();
    }

    private void store(Advisory advisory, String file, String actor) {
        String record = advisory.json();
        jdbc.sql("""
                INSERT INTO vuln_advisory (id, format, summary, aliases, published, modified, withdrawn, cvss_vector,
                                           packages, record, source_file, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET format = excluded.format, summary = excluded.summary,
                       aliases = excluded.aliases, published = excluded.published, modified = excluded.modified,
                       withdrawn = excluded.withdrawn, cvss_vector = excluded.cvss_vector, packages = excluded.packages,
                       record = excluded.record, source_file = excluded.source_file, imported_by = excluded.imported_by,
                       imported_at = excluded.imported_at""")
                .params(advisory.id(), advisory.format().displayName(), text(advisory.summary()),
                        advisory.aliases().stream().map(AdvisoryDatabase::text).toArray(String[]::new),
                        timestamp(advisory.published()), timestamp(advisory.modified()), timestamp(advisory.withdrawn()),
                        advisory.cvssVector(), advisory.affected().size(), record, text(advisory.source()), actor)
                .update();
        jdbc.sql("DELETE FROM vuln_advisory_key WHERE advisory_id = ?").param(advisory.id()).update();
        for (String key : MatchKeys.of(advisory)) {
            jdbc.sql("INSERT INTO vuln_advisory_key (advisory_id, match_key) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(advisory.id(), text(key)).update();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\u0000", "");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
