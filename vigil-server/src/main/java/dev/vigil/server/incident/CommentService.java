package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments on an incident: the team's running conversation, part of the timeline. */
@Service
public class CommentService {

    public static final int MAX_LENGTH = 20_000;

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;

    CommentService(JdbcClient jdbc, IncidentStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    public IncidentView.Comment add(UUID incidentId, String body) {
        IncidentRow incident = store.lock(incidentId, "update");
        TaskService.requireText("body", body, MAX_LENGTH);
        UUID id = UUID.randomUUID();
        String who = store.caller();
        jdbc.sql("INSERT INTO incident_comment (id, incident_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, incidentId, who, body.strip(), Timestamp.from(store.now())).update();
        store.touch(incidentId);
        audit.record(AuditEntry.success("incident.comment", "incident", incidentId, store.tenantId(incident.tenant()),
                Map.of("comment", id.toString(), "body", body.strip())));
        return list(incidentId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    List<IncidentView.Comment> list(UUID incidentId) {
        return jdbc.sql("SELECT id, author, body, created_at FROM incident_comment WHERE incident_id = ? ORDER BY created_at")
                .param(incidentId).query((rs, n) -> new IncidentView.Comment(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }
}
