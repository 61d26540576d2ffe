package dev.vigil.server.ingest.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.ingest.InputView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the ingest_input table. */
@Component
public class InputRows {

    private static final String SELECT = """
            SELECT id, name, type, format, tenant, asset, sources, description, enabled, created_by, created_at, updated_at
            FROM ingest_input""";

    private final JdbcClient jdbc;

    InputRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InputView> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(InputRows::map).list();
    }

    public Optional<InputView> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(InputRows::map).optional();
    }

    public Optional<InputView> byName(String name) {
        return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(InputRows::map).optional();
    }

    private static InputView map(ResultSet rs, int n) throws SQLException {
        return new InputView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("type"), rs.getString("format"),
                rs.getString("tenant"), rs.getString("asset"), strings(rs.getArray("sources")), rs.getString("description"),
                rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
