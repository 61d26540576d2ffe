package dev.vigil.server.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of an incident, with assignee and due date: response tasks and recovery tasks. A recovery task is done only
 * with its evidence (what was restored, from which backup or version).
 */
@Service
public class TaskService {

    public static final List<String> KINDS = List.of("response", "recovery");
    public static final List<String> STATUSES = List.of("open", "done", "canceled");

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;

    TaskService(JdbcClient jdbc, IncidentStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    /** A new task; kind defaults to response. */
    public record NewTask(String title, String description, String kind, String assignee, Instant dueAt) {
    }

    /** A change of a task; null fields stay as they are. */
    public record TaskChange(String status, String assignee, Instant dueAt, String evidence) {
    }

    @Transactional
    public IncidentView.Task create(UUID incidentId, NewTask task) {
        IncidentRow incident = store.lockOpen(incidentId, "update");
        String kind = task.kind() == null || task.kind().isBlank() ? "response" : task.kind();
        if (!KINDS.contains(kind)) {
            throw ProblemException.badRequest("invalid-task", "kind must be response or recovery");
        }
        requireText("title", task.title(), 500);
        if (task.description() != null && task.description().length() > 10_000) {
            throw ProblemException.badRequest("invalid-task", "description must be at most 10000 characters");
        }
        String who = store.caller();
        UUID id = insert(incidentId, kind, task.title().strip(), task.description(), blankToNull(task.assignee()), task.dueAt(), who);
        store.note(incidentId, "task", who, "Task created: " + task.title().strip());
        audit.record(AuditEntry.success("incident.task.create", "incident", incidentId, store.tenantId(incident.tenant()),
                body("task", id, "title", task.title().strip(), "kind", kind, "assignee", task.assignee(), "dueAt", task.dueAt())));
        return get(incidentId, id);
    }

    @Transactional
    public IncidentView.Task update(UUID incidentId, UUID taskId, TaskChange change) {
        IncidentRow incident = store.lockOpen(incidentId, "update");
        IncidentView.Task task = get(incidentId, taskId);
        String status = change.status() == null ? task.status() : change.status();
        if (!STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-task", "status must be open, done or canceled");
        }
        String evidence = change.evidence() == null ? task.evidence() : change.evidence().strip();
        if (evidence != null && evidence.length() > 10_000) {
            throw ProblemException.badRequest("invalid-task", "evidence must be at most 10000 characters");
        }
        if (status.equals("done") && task.kind().equals("recovery") && (evidence == null || evidence.isBlank())) {
            throw ProblemException.badRequest("evidence-required",
                    "a recovery task is done only with its evidence: what was restored, from which backup or version");
        }
        String who = store.caller();
        boolean completing = !status.equals("open") && task.status().equals("open");
        Instant due = change.dueAt() != null ? change.dueAt() : task.dueAt();
        jdbc.sql("""
                UPDATE incident_task SET status = ?, assignee = ?, due_at = ?, evidence = ?,
                    completed_by = CASE WHEN ? THEN ? WHEN ? = 'open' THEN NULL ELSE completed_by END,
                    completed_at = CASE WHEN ? THEN ? WHEN ? = 'open' THEN NULL ELSE completed_at END
                WHERE id = ?""")
                .params(status, change.assignee() == null ? task.assignee() : blankToNull(change.assignee()),
                        due == null ? null : Timestamp.from(due), blankToNull(evidence),
                        completing, who, status, completing, Timestamp.from(store.now()), status, taskId)
                .update();
        if (!status.equals(task.status())) {
            store.note(incidentId, "task", who, "Task " + status + ": " + task.title());
        } else {
            store.touch(incidentId);
        }
        audit.record(AuditEntry.success("incident.task.update", "incident", incidentId, store.tenantId(incident.tenant()),
                body("task", taskId, "title", task.title(), "before", task.status(), "status", status, "evidence", evidence)));
        return get(incidentId, taskId);
    }

    /** Creates the tasks of a plan for a new incident, due relative to its declaration. */
    void createFromPlan(UUID incidentId, EmergencyPlan plan, Instant declaredAt, String who) {
        for (EmergencyPlan.TaskTemplate template : plan.tasks()) {
            Duration due = PlanService.dueIn(template);
            String description = template.role() == null || template.role().isBlank() ? "" : "Usually done by: " + template.role();
            insert(incidentId, template.kind(), template.title(), description, null, due == null ? null : declaredAt.plus(due), who);
        }
    }

    List<IncidentView.Task> list(UUID incidentId) {
        return jdbc.sql(SELECT + " WHERE incident_id = ? ORDER BY created_at, title").param(incidentId).query(this::map).list();
    }

    private IncidentView.Task get(UUID incidentId, UUID taskId) {
        return jdbc.sql(SELECT + " WHERE incident_id = ? AND id = ?").params(incidentId, taskId).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("task", taskId));
    }

    private UUID insert(UUID incidentId, String kind, String title, String description, String assignee, Instant dueAt, String who) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO incident_task (id, incident_id, kind, title, description, assignee, due_at, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)""")
                .params(id, incidentId, kind, title, description == null ? "" : description, assignee,
                        dueAt == null ? null : Timestamp.from(dueAt), who, Timestamp.from(store.now()))
                .update();
        return id;
    }

    private static final String SELECT = """
            SELECT id, kind, title, description, assignee, due_at, status, evidence, created_by, created_at, completed_by,
                   completed_at FROM incident_task""";

    private IncidentView.Task map(ResultSet rs, int n) throws SQLException {
        return new IncidentView.Task(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), IncidentRow.instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11), IncidentRow.instant(rs.getTimestamp(12)));
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw ProblemException.badRequest("invalid-input", field + " is required (at most " + max + " characters)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An audit body from name/value pairs, leaving out nulls. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1] instanceof UUID || pairs[i + 1] instanceof Instant ? pairs[i + 1].toString() : pairs[i + 1]);
            }
        }
        return body;
    }
}
