package dev.vigil.server.vuln.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;

import dev.vigil.server.vuln.FindingView;

/** The finding columns every query selects (with scanners and SLA state) and the row mapper; asset names come from the asset API. */
public final class FindingRows {

    public static final List<String> OPEN = List.of("new", "reopened", "triaged", "in_remediation");

    public static final String SELECT = """
            SELECT f.*,
                   ARRAY(SELECT s.scanner || CASE WHEN s.present THEN '' ELSE ' (gone)' END FROM vuln_finding_source s
                         WHERE s.finding_id = f.id ORDER BY s.scanner) AS scanners,
                   CASE WHEN f.sla_due IS NULL OR f.status NOT IN ('new', 'reopened', 'triaged', 'in_remediation') THEN 'none'
                        WHEN f.sla_due < now() THEN 'breached'
                        WHEN f.sla_due < now() + interval '7 days' THEN 'due-soon'
                        ELSE 'on-track' END AS sla_state
            FROM vuln_finding f""";

    private FindingRows() {
    }

    public static RowMapper<FindingView> mapper(Function<UUID, String> assetNames) {
        return (rs, row) -> map(rs, assetNames);
    }

    private static FindingView map(ResultSet rs, Function<UUID, String> assetNames) throws SQLException {
        UUID assetId = rs.getObject("asset_id", UUID.class);
        return new FindingView(rs.getObject("id", UUID.class), rs.getString("tenant"), assetId, assetNames.apply(assetId), rs.getString("kind"), rs.getString("vulnerability_id"),
                texts(rs.getArray("aliases")), rs.getString("title"), rs.getString("description"),
                rs.getString("component_name"), rs.getString("component_version"), rs.getString("purl"),
                rs.getString("location"), rs.getString("fixed_version"), rs.getString("remediation"),
                texts(rs.getArray("scanners")), rs.getString("scanner_severity"), rs.getString("scanner_status"),
                rs.getString("cvss_vector"), rs.getString("cvss_version"), rs.getBigDecimal("cvss_score"),
                rs.getString("cvss_severity"), rs.getBigDecimal("reported_score"), rs.getBoolean("score_mismatch"),
                rs.getString("cvss_error"), rs.getBoolean("kev"), date(rs.getDate("kev_due")), rs.getBigDecimal("epss"),
                rs.getBigDecimal("epss_percentile"), rs.getString("ssvc_exploitation"), rs.getString("ssvc_automatable"),
                rs.getString("ssvc_technical_impact"), rs.getString("ssvc_mission"), rs.getString("ssvc_decision"),
                rs.getString("priority"), rs.getString("status"), rs.getString("status_reason"),
                instant(rs.getTimestamp("first_seen")), instant(rs.getTimestamp("last_seen")),
                instant(rs.getTimestamp("sla_due")), rs.getString("sla_state"), instant(rs.getTimestamp("closed_at")),
                rs.getInt("version"), instant(rs.getTimestamp("risk_accepted_until")));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static java.time.LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
