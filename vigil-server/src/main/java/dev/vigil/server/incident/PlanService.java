package dev.vigil.server.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emergency plans per incident type and level (level 0: every level without a plan of its own). Vigil ships one per
 * type; they are edited here (versioned, audited with before and after) and copied into each new incident.
 */
@Service
public class PlanService {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;

    PlanService(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** A stored plan with its key and version. */
    public record PlanView(String type, int level, int version, String updatedBy, Instant updatedAt, EmergencyPlan plan) {
    }

    public List<PlanView> list() {
        access.require("incident", "read", null);
        return jdbc.sql(SELECT + " ORDER BY incident_type, level").query(this::map).list();
    }

    public PlanView get(String type, int level) {
        access.require("incident", "read", null);
        return find(type, level).orElseThrow(() -> ProblemException.notFound("emergency plan", type + " level " + level));
    }

    /** The plan for a new incident: the one of its type and level, else the one for every level of its type. */
    public Optional<EmergencyPlan> forIncident(String type, Integer level) {
        Optional<PlanView> exact = level == null ? Optional.empty() : find(type, level);
        return exact.or(() -> find(type, 0)).map(PlanView::plan);
    }

    @Transactional
    public PlanView put(String type, int level, EmergencyPlan plan) {
        String who = access.require("incident", "configure", null).username();
        validate(type, level, plan);
        Optional<PlanView> before = find(type, level);
        int version = before.map(p -> p.version() + 1).orElse(1);
        jdbc.sql("""
                INSERT INTO incident_plan (incident_type, level, document, version, updated_by, updated_at) VALUES (?, ?, ?::jsonb, ?, ?, now())
                ON CONFLICT (incident_type, level) DO UPDATE SET document = excluded.document, version = excluded.version,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(type, level, JSON.writeValueAsString(plan), version, who).update();
        audit.record(AuditEntry.success("incident.plan.update", "incident-plan", type + "/" + level, null, Map.of(
                "version", version, "before", before.map(p -> (Object) p.plan()).orElse(""), "after", plan)));
        return find(type, level).orElseThrow();
    }

    /** Stores a shipped plan unless one exists for its key (operators' edits win). Returns whether it was stored. */
    boolean install(String type, int level, EmergencyPlan plan) {
        validate(type, level, plan);
        return jdbc.sql("""
                INSERT INTO incident_plan (incident_type, level, document, version, updated_by, updated_at)
                VALUES (?, ?, ?::jsonb, 1, 'vigil', now()) ON CONFLICT DO NOTHING""")
                .params(type, level, JSON.writeValueAsString(plan)).update() == 1;
    }

    private static void validate(String type, int level, EmergencyPlan plan) {
        try {
            IncidentType.parse(type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-plan", e.getMessage());
        }
        if (level < 0 || level > Level.LEAST_SEVERE) {
            throw ProblemException.badRequest("invalid-plan", "level must be 0 (every level) or 1-4");
        }
        if (plan == null || plan.title() == null || plan.title().isBlank() || plan.steps().isEmpty()) {
            throw ProblemException.badRequest("invalid-plan", "a plan needs a title and at least one step");
        }
        for (EmergencyPlan.TaskTemplate task : plan.tasks()) {
            if (task.title() == null || task.title().isBlank()) {
                throw ProblemException.badRequest("invalid-plan", "every task template needs a title");
            }
            if (!TaskService.KINDS.contains(task.kind())) {
                throw ProblemException.badRequest("invalid-plan", "task '" + task.title() + "': kind must be response or recovery");
            }
            dueIn(task);
        }
    }

    /** The task template's due offset, or 400 naming it. */
    static Duration dueIn(EmergencyPlan.TaskTemplate task) {
        if (task.dueIn() == null || task.dueIn().isBlank()) {
            return null;
        }
        try {
            Duration due = Duration.parse(task.dueIn());
            if (due.isNegative()) {
                throw ProblemException.badRequest("invalid-plan", "task '" + task.title() + "': dueIn must not be negative");
            }
            return due;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-plan", "task '" + task.title() + "': dueIn must be an ISO-8601 duration such as PT4H or P2D");
        }
    }

    private Optional<PlanView> find(String type, int level) {
        return jdbc.sql(SELECT + " WHERE incident_type = ? AND level = ?").params(type, level).query(this::map).optional();
    }

    private static final String SELECT = "SELECT incident_type, level, version, updated_by, updated_at, document::text FROM incident_plan";

    private PlanView map(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp(5);
        return new PlanView(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), at.toInstant(),
                JSON.readValue(rs.getString(6), EmergencyPlan.class));
    }
}
