package dev.vigil.server.incident.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One row of the incident table. */
public record IncidentRow(UUID id, long number, String tenant, String title, String summary, String type, String phase,
                          String impactScope, String assetCriticality, String dataSensitivity, Boolean ongoing,
                          Integer proposedLevel, Integer level, String levelSetBy, String levelReason, Instant levelSetAt,
                          List<String> affectedAssets, String harm, String planJson, String createdBy, Instant startedAt,
                          Instant detectedAt, Instant createdAt, Instant triageAt, Instant investigatingAt, Instant containedAt,
                          Instant eradicatedAt, Instant recoveredAt, Instant retestedAt, Instant closedAt, Instant reviewedAt,
                          Instant updatedAt, String tlp) {

    public static final String COLUMNS = """
            id, number, tenant, title, summary, incident_type, phase, impact_scope, asset_criticality, data_sensitivity, ongoing,
            proposed_level, level, level_set_by, level_reason, level_set_at, affected_assets, harm, plan::text, created_by,
            started_at, detected_at, created_at, triage_at, investigating_at, contained_at, eradicated_at, recovered_at,
            retested_at, closed_at, reviewed_at, updated_at, tlp""" + " ";

    public String ref() {
        return "INC-" + number;
    }

    /** The level the SLA timers run at: the final one, else the proposed one, else the least severe. */
    public int effectiveLevel() {
        return level != null ? level : proposedLevel != null ? proposedLevel : 4;
    }

    public static IncidentRow map(ResultSet rs, int row) throws SQLException {
        return new IncidentRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                (Boolean) rs.getObject(11), (Integer) rs.getObject(12), (Integer) rs.getObject(13), rs.getString(14),
                rs.getString(15), instant(rs.getTimestamp(16)), strings(rs.getArray(17)), rs.getString(18), rs.getString(19),
                rs.getString(20), instant(rs.getTimestamp(21)), instant(rs.getTimestamp(22)), instant(rs.getTimestamp(23)),
                instant(rs.getTimestamp(24)), instant(rs.getTimestamp(25)), instant(rs.getTimestamp(26)),
                instant(rs.getTimestamp(27)), instant(rs.getTimestamp(28)), instant(rs.getTimestamp(29)),
                instant(rs.getTimestamp(30)), instant(rs.getTimestamp(31)), instant(rs.getTimestamp(32)), rs.getString(33));
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
