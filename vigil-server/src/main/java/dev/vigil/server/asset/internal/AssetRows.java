package dev.vigil.server.asset.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.vigil.server.asset.AssetView;

/** The asset columns every query selects, with the identifiers aggregated, and the row mapper. */
public final class AssetRows {

    public static final String SELECT = """
            SELECT a.id, a.tenant, a.name, a.kind, a.owner, a.environment, a.criticality, a.internet_exposed,
                   a.data_sensitivity, a.tags, a.description, a.source, a.last_seen_at, a.last_scanned_at, a.version,
                   a.created_by, a.created_at, a.updated_at,
                   ARRAY(SELECT value FROM asset_identifier i WHERE i.asset_id = a.id AND i.kind = 'hostname'
                         ORDER BY value) AS hostnames,
                   ARRAY(SELECT value FROM asset_identifier i WHERE i.asset_id = a.id AND i.kind = 'address'
                         ORDER BY value) AS addresses
            FROM asset a""";

    public static final List<String> KINDS = List.of("host", "service", "data-store", "cloud-resource", "network-device");
    public static final List<String> SENSITIVITIES = List.of("public", "internal", "confidential", "restricted");

    private AssetRows() {
    }

    public static AssetView map(ResultSet rs, int row) throws SQLException {
        return new AssetView(rs.getObject("id", java.util.UUID.class), rs.getString("tenant"), rs.getString("name"),
                rs.getString("kind"), rs.getString("owner"), rs.getString("environment"), rs.getInt("criticality"),
                rs.getBoolean("internet_exposed"), rs.getString("data_sensitivity"), texts(rs.getArray("tags")),
                rs.getString("description"), rs.getString("source"), texts(rs.getArray("hostnames")),
                texts(rs.getArray("addresses")), instant(rs.getTimestamp("last_seen_at")),
                instant(rs.getTimestamp("last_scanned_at")), rs.getInt("version"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
