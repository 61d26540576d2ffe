package dev.vigil.server.alerting.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the alert table's columns. */
public final class AlertRows {

    public static final String COLUMNS = """
            id, tenant, source, rule_ref, title, author, severity, state, dedup_key, entities::text, event_ids, explanation,
            occurrences, first_seen, last_seen, acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution,
            suppressed_by""" + " ";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> ENTITIES = new TypeReference<>() {
    };

    private AlertRows() {
    }

    public static AlertView map(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), JSON.readValue(rs.getString(10), ENTITIES),
                strings(rs.getArray(11)), rs.getString(12), rs.getLong(13), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)), rs.getString(16), instant(rs.getTimestamp(17)), rs.getString(18),
                instant(rs.getTimestamp(19)), rs.getString(20), rs.getObject(21, UUID.class));
    }

    public static String entitiesJson(Map<String, String> entities) {
        return JSON.writeValueAsString(new LinkedHashMap<>(entities));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
