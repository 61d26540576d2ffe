package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Pre-approved command templates: every change (create, new version, delete) is a change request that another holder
 * of {@code change:approve} must approve; it applies then (through {@link CommandTemplateChangeKinds}) and every
 * version is kept. Only an applied version can run; a template waiting for approval cannot.
 */
@Service
public class CommandTemplateService {

    public static final String CREATE = "access.command-template.create";
    public static final String UPDATE = "access.command-template.update";
    public static final String DELETE = "access.command-template.delete";
    static final Duration EXPIRY = Duration.ofDays(14);
    private static final String CURRENT = """
            SELECT t.id, t.current_version, t.updated_at, v.definition::text FROM access_command_template t
            JOIN access_command_template_version v ON v.template_id = t.id AND v.version = t.current_version
            WHERE NOT t.deleted""" + " ";

    private final JdbcClient jdbc;
    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    CommandTemplateService(JdbcClient jdbc, @Lazy ChangeRequests changes, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** An approved template at its current version, compiled (for runs; no permission is checked). */
    record Approved(UUID id, int version, TemplateDefinition definition) {
    }

    public ChangeView requestCreate(CommandTemplateChange change, String reason) {
        access.require("bastion-target", "update", null);
        TemplateDefinition definition = TemplateDefinition.of(change);
        requireNameFree(definition.name());
        if (!changes.pendingFor(CREATE, definition.name()).isEmpty()) {
            throw ProblemException.conflict("pending-change", "a command template called '" + definition.name() + "' is already waiting for approval");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("templateId", UUID.randomUUID().toString());
        payload.put("definition", definition.toJson());
        return changes.submit(new ChangeDraft(CREATE, definition.name(), "Create command template " + definition.name(), payload,
                TextDiff.unified("", describe(definition), definition.name()), reason, null, false));
    }

    public ChangeView requestUpdate(UUID id, CommandTemplateChange change, String reason) {
        access.require("bastion-target", "update", null);
        CommandTemplateView current = get(id);
        TemplateDefinition definition = TemplateDefinition.of(change);
        if (!definition.name().equals(current.name())) {
            throw ProblemException.badRequest("invalid-command-template", "name: a template keeps its name ('" + current.name()
                    + "'); create a new template instead");
        }
        TemplateDefinition before = approved(current.name()).orElseThrow().definition();
        if (definition.toJson().equals(before.toJson())) {
            throw ProblemException.badRequest("no-change", "the definition is the same as version " + current.version());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("templateId", id.toString());
        payload.put("baseVersion", current.version());
        payload.put("definition", definition.toJson());
        return changes.submit(new ChangeDraft(UPDATE, id.toString(), "Update command template " + current.name(), payload,
                TextDiff.unified(describe(before), describe(definition), current.name()), reason, null, false));
    }

    public ChangeView requestDelete(UUID id, String reason) {
        access.require("bastion-target", "update", null);
        CommandTemplateView current = get(id);
        TemplateDefinition before = approved(current.name()).orElseThrow().definition();
        return changes.submit(new ChangeDraft(DELETE, id.toString(), "Delete command template " + current.name(),
                Map.of("templateId", id.toString(), "baseVersion", current.version()), TextDiff.unified(describe(before), "", current.name()),
                reason, null, false));
    }

    Map<String, Object> applyCreate(ChangeView change) {
        TemplateDefinition definition = TemplateDefinition.fromJson((String) change.payload().get("definition"));
        requireNameFree(definition.name());
        UUID id = UUID.fromString((String) change.payload().get("templateId"));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO access_command_template (id, name, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)")
                .params(id, definition.name(), now, now).update();
        insertVersion(id, 1, definition, change);
        audit.record(AuditEntry.success(CREATE, "access-command-template", id, null,
                Map.of("name", definition.name(), "version", 1, "command", definition.template().source(), "change", change.id().toString())));
        return Map.of("templateId", id.toString(), "version", 1);
    }

    Map<String, Object> applyUpdate(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("templateId"));
        int version = lockAtBase(id, change) + 1;
        TemplateDefinition definition = TemplateDefinition.fromJson((String) change.payload().get("definition"));
        jdbc.sql("UPDATE access_command_template SET current_version = ?, updated_at = ? WHERE id = ?")
                .params(version, Timestamp.from(clock.instant()), id).update();
        insertVersion(id, version, definition, change);
        audit.record(AuditEntry.success(UPDATE, "access-command-template", id, null,
                Map.of("version", version, "command", definition.template().source(), "change", change.id().toString())));
        return Map.of("templateId", id.toString(), "version", version);
    }

    Map<String, Object> applyDelete(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("templateId"));
        int version = lockAtBase(id, change);
        jdbc.sql("UPDATE access_command_template SET deleted = true, updated_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id)
                .update();
        audit.record(AuditEntry.success(DELETE, "access-command-template", id, null, Map.of("version", version, "change", change.id().toString())));
        return Map.of("templateId", id.toString(), "deleted", true);
    }

    /** The live templates by name, at their current version (without the older versions). */
    public List<CommandTemplateView> list() {
        access.require("bastion-target", "read", null);
        return jdbc.sql(CURRENT + "ORDER BY t.name").query((rs, n) -> view(rs.getObject(1, UUID.class), rs.getInt(2),
                rs.getTimestamp(3).toInstant(), TemplateDefinition.fromJson(rs.getString(4)), List.of())).list();
    }

    /** A live template with every version. */
    public CommandTemplateView get(UUID id) {
        access.require("bastion-target", "read", null);
        CommandTemplateView current = jdbc.sql(CURRENT + "AND t.id = ?").param(id)
                .query((rs, n) -> view(id, rs.getInt(2), rs.getTimestamp(3).toInstant(), TemplateDefinition.fromJson(rs.getString(4)), List.of()))
                .optional().orElseThrow(() -> ProblemException.notFound("command template", id));
        List<CommandTemplateView.Version> versions = jdbc.sql("""
                SELECT version, definition->>'command', change_id, requested_by, approved_by, created_at FROM access_command_template_version
                WHERE template_id = ? ORDER BY version DESC""").param(id)
                .query((rs, n) -> new CommandTemplateView.Version(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
        return new CommandTemplateView(id, current.name(), current.version(), current.description(), current.command(), current.target(),
                current.targetGroup(), current.account(), current.parameters(), current.updatedAt(), versions);
    }

    /** The approved, live template of that name at its current version. */
    Optional<Approved> approved(String name) {
        return jdbc.sql(CURRENT + "AND t.name = ?").param(name)
                .query((rs, n) -> new Approved(rs.getObject(1, UUID.class), rs.getInt(2), TemplateDefinition.fromJson(rs.getString(4)))).optional();
    }

    /** Whether a template of that name waits for approval (to say so when it is asked for). */
    boolean pending(String name) {
        return !changes.pendingFor(CREATE, name).isEmpty();
    }

    private static CommandTemplateView view(UUID id, int version, Instant updatedAt, TemplateDefinition d, List<CommandTemplateView.Version> versions) {
        return new CommandTemplateView(id, d.name(), version, d.description(), d.template().source(), d.target(), d.targetGroup(), d.account(),
                d.parameters(), updatedAt, versions);
    }

    /** The definition as reviewers read it in the change's diff. */
    private static String describe(TemplateDefinition d) {
        StringBuilder text = new StringBuilder();
        text.append("command: ").append(d.template().source()).append('\n');
        text.append("runs on: ").append(d.scope()).append(" as ").append(d.account()).append('\n');
        d.parameters().forEach(p -> text.append("parameter ").append(p.name()).append(": ").append(p.describe()).append('\n'));
        if (!d.description().isEmpty()) {
            text.append("description: ").append(d.description()).append('\n');
        }
        return text.toString();
    }

    private int lockAtBase(UUID id, ChangeView change) {
        Integer current = jdbc.sql("SELECT current_version FROM access_command_template WHERE id = ? AND NOT deleted FOR UPDATE").param(id)
                .query(Integer.class).optional().orElseThrow(() -> ProblemException.conflict("command-template-gone",
                        "command template " + id + " was deleted since the change was requested"));
        Object base = change.payload().get("baseVersion");
        if (base instanceof Number n && n.intValue() != current) {
            throw ProblemException.conflict("stale-change", "the command template is at version " + current
                    + " now; this change was made against version " + n.intValue() + ": request it again");
        }
        return current;
    }

    private void insertVersion(UUID id, int version, TemplateDefinition definition, ChangeView change) {
        List<String> approvers = change.decisions().stream().filter(d -> d.decision().equals("approve")).map(ChangeView.Decision::username).toList();
        jdbc.sql("""
                INSERT INTO access_command_template_version (template_id, version, definition, change_id, requested_by, approved_by, created_at)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, version, definition.toJson(), change.id(), change.requester(), String.join(", ", approvers),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private void requireNameFree(String name) {
        if (jdbc.sql("SELECT count(*) FROM access_command_template WHERE name = ? AND NOT deleted").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate-name", "a command template called '" + name + "' exists already");
        }
    }
}
