package dev.vigil.server.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * The post-incident review: root cause (free text and a category), contributing factors, what went well and badly,
 * and action items tracked to completion. The root cause may be written while the case is worked (closing needs it);
 * the case is reviewed only when every action item is done or canceled.
 */
@Service
public class ReviewService {

    public static final List<String> CAUSE_CATEGORIES = List.of("misconfiguration", "unpatched-vulnerability", "weak-credentials",
            "phishing", "malware", "insider", "third-party", "software-defect", "capacity", "human-error", "unknown");

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final AuditLog audit;

    ReviewService(JdbcClient jdbc, IncidentStore store, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    public record ReviewText(String rootCause, String causeCategory, String contributingFactors, String wentWell, String wentBadly) {
    }

    public record NewActionItem(String title, String owner, Instant dueAt) {
    }

    @Transactional
    public IncidentView.Review write(UUID incidentId, ReviewText text) {
        IncidentRow incident = store.lock(incidentId, "update");
        if (incident.phase().equals("reviewed")) {
            throw ProblemException.conflict("incident-reviewed", incident.ref() + " is reviewed; its review is a record now");
        }
        TaskService.requireText("rootCause", text.rootCause(), 20_000);
        if (!CAUSE_CATEGORIES.contains(text.causeCategory())) {
            throw ProblemException.badRequest("invalid-review", "causeCategory must be one of " + String.join(", ", CAUSE_CATEGORIES));
        }
        for (String field : new String[] {text.contributingFactors(), text.wentWell(), text.wentBadly()}) {
            if (field != null && field.length() > 20_000) {
                throw ProblemException.badRequest("invalid-review", "contributingFactors, wentWell and wentBadly: at most 20000 characters each");
            }
        }
        Optional<IncidentView.Review> before = review(incidentId);
        String who = store.caller();
        jdbc.sql("""
                INSERT INTO incident_review (incident_id, root_cause, cause_category, contributing_factors, went_well, went_badly,
                                             written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET root_cause = excluded.root_cause, cause_category = excluded.cause_category,
                    contributing_factors = excluded.contributing_factors, went_well = excluded.went_well,
                    went_badly = excluded.went_badly, written_by = excluded.written_by, written_at = excluded.written_at""")
                .params(incidentId, text.rootCause().strip(), text.causeCategory(), strip(text.contributingFactors()),
                        strip(text.wentWell()), strip(text.wentBadly()), who, Timestamp.from(store.now()))
                .update();
        store.note(incidentId, "review", who, (before.isPresent() ? "Review updated" : "Review written") + ": root cause ("
                + text.causeCategory() + ") " + text.rootCause().strip());
        audit.record(AuditEntry.success("incident.review", "incident", incidentId, store.tenantId(incident.tenant()), TaskService.body(
                "before", before.orElse(null), "rootCause", text.rootCause().strip(), "causeCategory", text.causeCategory(),
                "contributingFactors", strip(text.contributingFactors()), "wentWell", strip(text.wentWell()),
                "wentBadly", strip(text.wentBadly()))));
        return review(incidentId).orElseThrow();
    }

    @Transactional
    public IncidentView.ActionItem addActionItem(UUID incidentId, NewActionItem item) {
        IncidentRow incident = store.lock(incidentId, "update");
        TaskService.requireText("title", item.title(), 500);
        UUID id = UUID.randomUUID();
        String who = store.caller();
        jdbc.sql("""
                INSERT INTO incident_action_item (id, incident_id, title, owner, due_at, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?)""")
                .params(id, incidentId, item.title().strip(), TaskService.blankToNull(item.owner()),
                        item.dueAt() == null ? null : Timestamp.from(item.dueAt()), who, Timestamp.from(store.now()))
                .update();
        store.note(incidentId, "review", who, "Action item added: " + item.title().strip());
        audit.record(AuditEntry.success("incident.action-item.create", "incident", incidentId, store.tenantId(incident.tenant()),
                TaskService.body("item", id, "title", item.title().strip(), "owner", item.owner(), "dueAt", item.dueAt())));
        return item(incidentId, id);
    }

    @Transactional
    public IncidentView.ActionItem setActionItemStatus(UUID incidentId, UUID itemId, String status) {
        IncidentRow incident = store.lock(incidentId, "update");
        IncidentView.ActionItem item = item(incidentId, itemId);
        if (!TaskService.STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-input", "status must be open, done or canceled");
        }
        if (incident.phase().equals("reviewed") && status.equals("open")) {
            throw ProblemException.conflict("incident-reviewed", incident.ref() + " is reviewed; its action items stay completed");
        }
        String who = store.caller();
        boolean open = status.equals("open");
        jdbc.sql("UPDATE incident_action_item SET status = ?, completed_by = ?, completed_at = ? WHERE id = ?")
                .params(status, open ? null : who, open ? null : Timestamp.from(store.now()), itemId).update();
        store.note(incidentId, "review", who, "Action item " + status + ": " + item.title());
        audit.record(AuditEntry.success("incident.action-item.update", "incident", incidentId, store.tenantId(incident.tenant()),
                TaskService.body("item", itemId, "title", item.title(), "before", item.status(), "status", status)));
        return item(incidentId, itemId);
    }

    Optional<IncidentView.Review> review(UUID incidentId) {
        return jdbc.sql("""
                SELECT root_cause, cause_category, contributing_factors, went_well, went_badly, written_by, written_at
                FROM incident_review WHERE incident_id = ?""").param(incidentId)
                .query((rs, n) -> new IncidentView.Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).optional();
    }

    List<IncidentView.ActionItem> actionItems(UUID incidentId) {
        return jdbc.sql(SELECT + " WHERE incident_id = ? ORDER BY created_at").param(incidentId).query(this::map).list();
    }

    private IncidentView.ActionItem item(UUID incidentId, UUID itemId) {
        return jdbc.sql(SELECT + " WHERE incident_id = ? AND id = ?").params(incidentId, itemId).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("action item", itemId));
    }

    private static final String SELECT = """
            SELECT id, title, owner, due_at, status, created_by, created_at, completed_by, completed_at FROM incident_action_item""";

    private IncidentView.ActionItem map(ResultSet rs, int n) throws SQLException {
        return new IncidentView.ActionItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                IncidentRow.instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getString(8), IncidentRow.instant(rs.getTimestamp(9)));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
