package dev.vigil.server.vuln.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.vuln.assess.Assessment;
import dev.vigil.vuln.assess.FindingAssessor;
import dev.vigil.vuln.report.FindingSeverity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Recomputes stored findings' scores after their inputs changed (a new KEV or EPSS catalog, the asset's criticality). */
@Component
public class FindingRescorer {

    private final JdbcClient jdbc;
    private final FindingWriter writer;
    private final Enrichment enrichment;
    private final AssetRegistry assets;

    FindingRescorer(JdbcClient jdbc, FindingWriter writer, Enrichment enrichment, AssetRegistry assets) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.enrichment = enrichment;
        this.assets = assets;
    }

    /** Rescores every finding that names a CVE; returns how many. */
    public int rescoreCveFindings() {
        return rescore("vulnerability_id ILIKE 'CVE-%' OR array_to_string(aliases, ' ') ILIKE '%CVE-%'", List.of());
    }

    /** Rescores the findings of one asset (its criticality decides the SSVC mission and well-being). */
    public int rescoreAsset(UUID assetId) {
        return rescore("asset_id = ?", List.of(assetId));
    }

    private int rescore(String condition, List<Object> params) {
        record Row(UUID id, UUID assetId, String vulnerabilityId, List<String> aliases, String vector,
                BigDecimal reported, String severity, Instant firstSeen) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, asset_id, vulnerability_id, aliases, cvss_vector, reported_score, scanner_severity, first_seen
                FROM vuln_finding WHERE""" + " " + condition).params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        texts(rs.getArray(4)), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        Map<UUID, Integer> criticality = new HashMap<>();
        for (Row row : rows) {
            int crit = criticality.computeIfAbsent(row.assetId(),
                    id -> assets.describe(id).map(AssetView::criticality).orElse(3));
            Enrichment.Facts facts = enrichment.of(row.vulnerabilityId(), row.aliases());
            Assessment assessment = FindingAssessor.assess(row.vector(), row.reported(),
                    FindingSeverity.parse(row.severity()), facts.kev(), facts.epss(), crit);
            writer.score(row.id(), assessment, facts, row.firstSeen());
        }
        return rows.size();
    }

    private static List<String> texts(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
