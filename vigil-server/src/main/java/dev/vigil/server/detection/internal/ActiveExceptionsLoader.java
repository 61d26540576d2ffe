package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Loads the exceptions that are neither revoked nor expired. */
final class ActiveExceptionsLoader {

    private ActiveExceptionsLoader() {
    }

    static ActiveExceptions load(JdbcClient jdbc) {
        Map<UUID, List<ActiveExceptions.Entry>> byRule = new HashMap<>();
        jdbc.sql("""
                SELECT id, rule_id, tenant, field, field_values, expires_at FROM detection_exception
                WHERE revoked_at IS NULL AND expires_at > now()""").query(rs -> {
            Set<String> values = new LinkedHashSet<>();
            for (String value : (String[]) rs.getArray(5).getArray()) {
                values.add(ActiveExceptions.fold(value));
            }
            byRule.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>()).add(new ActiveExceptions.Entry(
                    rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4), values, rs.getTimestamp(6).toInstant()));
        });
        return new ActiveExceptions(byRule);
    }
}
