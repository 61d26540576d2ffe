package dev.vigil.server.incident.internal.playbook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.approval.TextDiff;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Playbook definitions: every change (create, new version, delete) is a change request that another holder of
 * {@code change:approve} must approve; it applies then (through {@link PlaybookChangeKinds}) and every version is kept.
 */
@Service
public class PlaybookService {

    public static final String CREATE = "playbook.create";
    public static final String UPDATE = "playbook.update";
    public static final String DELETE = "playbook.delete";
    static final Duration EXPIRY = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final ChangeRequests changes;
    private final AuditLog audit;
    private final Clock clock;

    PlaybookService(JdbcClient jdbc, @Lazy ChangeRequests changes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    public ChangeView requestCreate(String yaml, String reason) {
        PlaybookDefinition definition = PlaybookParser.parse(yaml);
        requireNameFree(definition.name());
        if (!changes.pendingFor(CREATE, definition.name()).isEmpty()) {
            throw ProblemException.conflict("pending-change", "a playbook called '" + definition.name() + "' is already waiting for approval");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("playbookId", UUID.randomUUID().toString());
        payload.put("definition", yaml);
        return changes.submit(new ChangeDraft(CREATE, definition.name(), "Create playbook " + definition.name(), payload,
                TextDiff.unified("", yaml, definition.name()), reason, null, false));
    }

    public ChangeView requestUpdate(UUID id, String yaml, String reason) {
        PlaybookView current = get(id);
        PlaybookDefinition definition = PlaybookParser.parse(yaml);
        if (!definition.name().equals(current.name())) {
            throw PlaybookParser.invalid("name: a playbook keeps its name ('" + current.name() + "'); create a new playbook instead");
        }
        if (yaml.equals(current.definition())) {
            throw ProblemException.badRequest("no-change", "the definition is the same as version " + current.version());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("playbookId", id.toString());
        payload.put("baseVersion", current.version());
        payload.put("definition", yaml);
        return changes.submit(new ChangeDraft(UPDATE, id.toString(), "Update playbook " + current.name(), payload,
                TextDiff.unified(current.definition(), yaml, current.name()), reason, null, false));
    }

    public ChangeView requestDelete(UUID id, String reason) {
        PlaybookView current = get(id);
        return changes.submit(new ChangeDraft(DELETE, id.toString(), "Delete playbook " + current.name(),
                Map.of("playbookId", id.toString(), "baseVersion", current.version()),
                TextDiff.unified(current.definition(), "", current.name()), reason, null, false));
    }

    Map<String, Object> applyCreate(ChangeView change) {
        String yaml = (String) change.payload().get("definition");
        PlaybookDefinition definition = PlaybookParser.parse(yaml);
        requireNameFree(definition.name());
        UUID id = UUID.fromString((String) change.payload().get("playbookId"));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO playbook (id, name, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)")
                .params(id, definition.name(), now, now).update();
        insertVersion(id, 1, yaml, change);
        audit.record(AuditEntry.success("playbook.create", "playbook", id, null,
                Map.of("name", definition.name(), "version", 1, "change", change.id().toString())));
        return Map.of("playbookId", id.toString(), "version", 1);
    }

    Map<String, Object> applyUpdate(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("playbookId"));
        int version = lockAtBase(id, change) + 1;
        String yaml = (String) change.payload().get("definition");
        PlaybookParser.parse(yaml);
        jdbc.sql("UPDATE playbook SET current_version = ?, updated_at = ? WHERE id = ?")
                .params(version, Timestamp.from(clock.instant()), id).update();
        insertVersion(id, version, yaml, change);
        audit.record(AuditEntry.success("playbook.update", "playbook", id, null,
                Map.of("version", version, "change", change.id().toString())));
        return Map.of("playbookId", id.toString(), "version", version);
    }

    Map<String, Object> applyDelete(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("playbookId"));
        int version = lockAtBase(id, change);
        jdbc.sql("UPDATE playbook SET deleted = true, updated_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
        audit.record(AuditEntry.success("playbook.delete", "playbook", id, null,
                Map.of("version", version, "change", change.id().toString())));
        return Map.of("playbookId", id.toString(), "deleted", true);
    }

    /** The live playbooks, by name (without their versions). */
    public List<PlaybookView> list() {
        return jdbc.sql("""
                SELECT p.id, p.name, p.current_version, p.updated_at, v.definition FROM playbook p
                JOIN playbook_version v ON v.playbook_id = p.id AND v.version = p.current_version
                WHERE NOT p.deleted ORDER BY p.name""")
                .query((rs, n) -> view(rs.getObject(1, UUID.class), rs.getInt(3), rs.getString(5),
                        rs.getTimestamp(4).toInstant(), List.of())).list();
    }

    /** A live playbook with every version. */
    public PlaybookView get(UUID id) {
        PlaybookView current = jdbc.sql("""
                SELECT p.current_version, p.updated_at, v.definition FROM playbook p
                JOIN playbook_version v ON v.playbook_id = p.id AND v.version = p.current_version
                WHERE p.id = ? AND NOT p.deleted""").param(id)
                .query((rs, n) -> view(id, rs.getInt(1), rs.getString(3), rs.getTimestamp(2).toInstant(), List.of()))
                .optional().orElseThrow(() -> ProblemException.notFound("playbook", id));
        List<PlaybookView.Version> versions = jdbc.sql("""
                SELECT version, definition, change_id, requested_by, approved_by, created_at FROM playbook_version
                WHERE playbook_id = ? ORDER BY version DESC""").param(id)
                .query((rs, n) -> new PlaybookView.Version(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
        return new PlaybookView(id, current.name(), current.description(), current.version(), current.trigger(), current.steps(),
                current.definition(), current.updatedAt(), versions);
    }

    /** The definition of one version (runs keep the version they started with). */
    public PlaybookDefinition definition(UUID id, int version) {
        String yaml = jdbc.sql("SELECT definition FROM playbook_version WHERE playbook_id = ? AND version = ?").params(id, version)
                .query(String.class).optional().orElseThrow(() -> ProblemException.notFound("playbook", id));
        return PlaybookParser.parse(yaml);
    }

    private static PlaybookView view(UUID id, int version, String yaml, Instant updatedAt, List<PlaybookView.Version> versions) {
        PlaybookDefinition definition = PlaybookParser.parse(yaml);
        return new PlaybookView(id, definition.name(), definition.description(), version, definition.trigger(),
                definition.steps().stream().map(s -> s.name() + " (" + s.type() + ")").toList(), yaml, updatedAt, versions);
    }

    private int lockAtBase(UUID id, ChangeView change) {
        Integer current = jdbc.sql("SELECT current_version FROM playbook WHERE id = ? AND NOT deleted FOR UPDATE").param(id)
                .query(Integer.class).optional().orElseThrow(() -> ProblemException.conflict("playbook-gone",
                        "playbook " + id + " was deleted since the change was requested"));
        Object base = change.payload().get("baseVersion");
        if (base instanceof Number n && n.intValue() != current) {
            throw ProblemException.conflict("stale-change", "the playbook is at version " + current + " now; this change was made against version "
                    + n.intValue() + ": request it again");
        }
        return current;
    }

    private void insertVersion(UUID id, int version, String yaml, ChangeView change) {
        List<String> approvers = change.decisions().stream().filter(d -> d.decision().equals("approve"))
                .map(ChangeView.Decision::username).toList();
        jdbc.sql("""
                INSERT INTO playbook_version (playbook_id, version, definition, change_id, requested_by, approved_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, yaml, change.id(), change.requester(), String.join(", ", approvers), Timestamp.from(clock.instant()))
                .update();
    }

    private void requireNameFree(String name) {
        if (jdbc.sql("SELECT count(*) FROM playbook WHERE name = ? AND NOT deleted").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate-name", "a playbook called '" + name + "' exists already");
        }
    }
}
