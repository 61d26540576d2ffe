package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.approval.TextDiff;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operating procedure templates as versioned definitions: a new template or a new version is a change request
 * ({@code access.procedure.create|update}) that another holder of {@code change:approve} must approve; every version
 * is kept, and an execution runs the version current when it was requested.
 */
@Service
public class ProcedureService {

    public static final String CREATE = "access.procedure.create";
    public static final String UPDATE = "access.procedure.update";
    static final Duration EXPIRY = Duration.ofDays(14);
    private static final String CURRENT = """
            SELECT p.id, p.name, p.current_version, p.updated_at, v.definition::text FROM access_procedure p
            JOIN access_procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version""" + " ";

    private final JdbcClient jdbc;
    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    ProcedureService(JdbcClient jdbc, @Lazy ChangeRequests changes, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public ChangeView requestCreate(ProcedureDefinition definition, String reason) {
        access.require("procedure", "change", null);
        requireNameFree(definition.name());
        if (!changes.pendingFor(CREATE, definition.name()).isEmpty()) {
            throw ProblemException.conflict("pending-change", "a procedure called '" + definition.name() + "' is already waiting for approval");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("procedureId", UUID.randomUUID().toString());
        payload.put("definition", definition.toJson());
        return changes.submit(new ChangeDraft(CREATE, definition.name(), "Create operating procedure " + definition.name(), payload,
                TextDiff.unified("", definition.describe(), definition.name()), reason, null, false));
    }

    public ChangeView requestUpdate(UUID id, ProcedureDefinition definition, String reason) {
        access.require("procedure", "change", null);
        ProcedureView current = get(id);
        if (!definition.name().equals(current.name())) {
            throw ProblemException.badRequest("invalid-procedure", "name: a procedure keeps its name ('" + current.name() + "')");
        }
        if (definition.toJson().equals(current.definition().toJson())) {
            throw ProblemException.badRequest("no-change", "the definition is the same as version " + current.version());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("procedureId", id.toString());
        payload.put("baseVersion", current.version());
        payload.put("definition", definition.toJson());
        return changes.submit(new ChangeDraft(UPDATE, id.toString(), "Update operating procedure " + current.name(), payload,
                TextDiff.unified(current.definition().describe(), definition.describe(), current.name()), reason, null, false));
    }

    Map<String, Object> applyCreate(ChangeView change) {
        ProcedureDefinition definition = ProcedureDefinition.fromJson((String) change.payload().get("definition"));
        requireNameFree(definition.name());
        UUID id = UUID.fromString((String) change.payload().get("procedureId"));
        insert(id, definition, change.id(), change.requester(), approvers(change));
        audit.record(AuditEntry.success(CREATE, "access-procedure", id, null,
                Map.of("name", definition.name(), "version", 1, "change", change.id().toString())));
        return Map.of("procedureId", id.toString(), "version", 1);
    }

    Map<String, Object> applyUpdate(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("procedureId"));
        int current = jdbc.sql("SELECT current_version FROM access_procedure WHERE id = ? FOR UPDATE").param(id).query(Integer.class).optional()
                .orElseThrow(() -> ProblemException.conflict("procedure-gone", "procedure " + id + " does not exist"));
        if (((Number) change.payload().get("baseVersion")).intValue() != current) {
            throw ProblemException.conflict("stale-change", "the procedure is at version " + current
                    + " now; this change was made against version " + change.payload().get("baseVersion") + ": request it again");
        }
        ProcedureDefinition definition = ProcedureDefinition.fromJson((String) change.payload().get("definition"));
        int version = current + 1;
        jdbc.sql("UPDATE access_procedure SET current_version = ?, updated_at = ? WHERE id = ?").params(version, Timestamp.from(clock.instant()), id)
                .update();
        insertVersion(id, version, definition, change.id(), change.requester(), approvers(change));
        audit.record(AuditEntry.success(UPDATE, "access-procedure", id, null, Map.of("version", version, "change", change.id().toString())));
        return Map.of("procedureId", id.toString(), "version", version);
    }

    /** Installs a template shipped with Vigil unless one of that name exists; true if installed. */
    @Transactional
    boolean install(ProcedureDefinition definition) {
        if (jdbc.sql("SELECT count(*) FROM access_procedure WHERE name = ?").param(definition.name()).query(Long.class).single() > 0) {
            return false;
        }
        UUID id = UUID.randomUUID();
        insert(id, definition, null, "vigil", "vigil (shipped)");
        audit.record(AuditEntry.success("access.procedure.install", "access-procedure", id, null, Map.of("name", definition.name(), "version", 1)));
        return true;
    }

    public List<ProcedureView> list() {
        access.require("procedure", "read", null);
        return jdbc.sql(CURRENT + "ORDER BY p.name").query((rs, n) -> new ProcedureView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                ProcedureDefinition.fromJson(rs.getString(5)), rs.getTimestamp(4).toInstant(), List.of())).list();
    }

    public ProcedureView get(UUID id) {
        access.require("procedure", "read", null);
        ProcedureView current = jdbc.sql(CURRENT + "WHERE p.id = ?").param(id).query((rs, n) -> new ProcedureView(id, rs.getString(2), rs.getInt(3),
                ProcedureDefinition.fromJson(rs.getString(5)), rs.getTimestamp(4).toInstant(), List.of())).optional()
                .orElseThrow(() -> ProblemException.notFound("procedure", id));
        List<ProcedureView.Version> versions = jdbc.sql("""
                SELECT version, change_id, requested_by, approved_by, created_at FROM access_procedure_version
                WHERE procedure_id = ? ORDER BY version DESC""").param(id)
                .query((rs, n) -> new ProcedureView.Version(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        return new ProcedureView(id, current.name(), current.version(), current.definition(), current.updatedAt(), versions);
    }

    /** The current version of a procedure by name (no permission check: the caller has checked). */
    Optional<ProcedureView> current(String name) {
        return jdbc.sql(CURRENT + "WHERE p.name = ?").param(name).query((rs, n) -> new ProcedureView(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getInt(3), ProcedureDefinition.fromJson(rs.getString(5)), rs.getTimestamp(4).toInstant(), List.of())).optional();
    }

    /** A stored version (what an execution runs). */
    ProcedureDefinition version(UUID id, int version) {
        return jdbc.sql("SELECT definition::text FROM access_procedure_version WHERE procedure_id = ? AND version = ?").params(id, version)
                .query((rs, n) -> ProcedureDefinition.fromJson(rs.getString(1))).single();
    }

    private void insert(UUID id, ProcedureDefinition definition, UUID changeId, String requester, String approvers) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO access_procedure (id, name, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)")
                .params(id, definition.name(), now, now).update();
        insertVersion(id, 1, definition, changeId, requester, approvers);
    }

    private void insertVersion(UUID id, int version, ProcedureDefinition definition, UUID changeId, String requester, String approvers) {
        jdbc.sql("""
                INSERT INTO access_procedure_version (procedure_id, version, definition, change_id, requested_by, approved_by, created_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, version, definition.toJson(), changeId, requester, approvers, Timestamp.from(clock.instant())).update();
    }

    private static String approvers(ChangeView change) {
        return String.join(", ", change.decisions().stream().filter(d -> d.decision().equals("approve")).map(ChangeView.Decision::username).toList());
    }

    private void requireNameFree(String name) {
        if (jdbc.sql("SELECT count(*) FROM access_procedure WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate-name", "a procedure called '" + name + "' exists already");
        }
    }
}
