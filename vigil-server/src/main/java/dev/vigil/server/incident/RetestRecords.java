package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The retests of an incident, newest last. */
@Component
class RetestRecords {

    private final JdbcClient jdbc;

    RetestRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID incidentId, boolean passed, String evidence, String who, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO incident_retest (id, incident_id, passed, evidence, tested_by, tested_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, incidentId, passed, evidence, who, Timestamp.from(at)).update();
        return id;
    }

    List<IncidentView.Retest> list(UUID incidentId) {
        return jdbc.sql("SELECT id, passed, evidence, tested_by, tested_at FROM incident_retest WHERE incident_id = ? ORDER BY tested_at, id")
                .param(incidentId).query((rs, n) -> new IncidentView.Retest(rs.getObject(1, UUID.class), rs.getBoolean(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    Optional<IncidentView.Retest> latest(UUID incidentId) {
        List<IncidentView.Retest> all = list(incidentId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
