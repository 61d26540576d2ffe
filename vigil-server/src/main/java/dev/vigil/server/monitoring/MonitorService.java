package dev.vigil.server.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.server.alerting.ReceiverService;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.approval.TextDiff;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.ingest.EventCounter;
import dev.vigil.server.monitoring.internal.InvalidMonitorException;
import dev.vigil.server.monitoring.internal.MonitorDefinitions;
import dev.vigil.server.monitoring.internal.MonitorHealth;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitors as versioned definitions. Reading is direct; every add, change, delete, rollback or pack import is a change
 * request (kinds {@code monitor.*}) that applies only through approval, or at once as an audited emergency that then
 * needs a review. Each applied change makes a new version; all versions are kept.
 */
@Service
public class MonitorService {

    static final String CREATE = "monitor.create";
    static final String UPDATE = "monitor.update";
    static final String DELETE = "monitor.delete";
    static final String ROLLBACK = "monitor.rollback";
    static final String IMPORT = "monitor.import";
    static final Duration EXPIRY = Duration.ofDays(14);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, name, tenant, version, definition::text, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TenantScopes scopes;
    private final TenantService tenants;
    private final ChangeRequests changes;
    private final ComponentService components;
    private final ReceiverService receivers;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final MonitorHealth health;
    private final EventCounter eventCounter;

    MonitorService(JdbcClient jdbc, TenantScopes scopes, TenantService tenants, ChangeRequests changes, ComponentService components,
            ReceiverService receivers, AccessPolicy access, AuditLog audit, MonitorHealth health, EventCounter eventCounter) {
        this.eventCounter = eventCounter;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.tenants = tenants;
        this.changes = changes;
        this.components = components;
        this.receivers = receivers;
        this.access = access;
        this.audit = audit;
        this.health = health;
    }

    /** A monitor in force, for the evaluator. */
    public record LiveMonitor(UUID id, int version, MonitorDefinition definition) {
    }

    public List<MonitorView> list() {
        List<String> visible = scopes.slugs("monitor", "read");
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitor WHERE NOT deleted ORDER BY name").query(this::row).list().stream()
                .filter(m -> visible == null || visible.contains(m.tenant())).toList();
    }

    public MonitorView get(UUID id) {
        MonitorView monitor = find(id).orElseThrow(() -> ProblemException.notFound("monitor", id));
        scopes.require("monitor", "read", monitor.tenant());
        return monitor;
    }

    public List<MonitorVersionView> versions(UUID id) {
        get(id);
        return jdbc.sql("""
                SELECT monitor_id, version, definition::text, yaml, deleted, change_id, requested_by, applied_by, created_at
                FROM monitor_version WHERE monitor_id = ? ORDER BY version DESC""").param(id).query(MonitorService::version).list();
    }

    /** The version in force of every live monitor (no caller check: the evaluator's view). */
    public Map<UUID, Integer> liveVersions() {
        Map<UUID, Integer> versions = new LinkedHashMap<>();
        jdbc.sql("SELECT id, version FROM monitor WHERE NOT deleted ORDER BY name")
                .query((rs, n) -> versions.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return versions;
    }

    /** A live monitor's definition in force (no caller check: the evaluator's view). */
    public Optional<LiveMonitor> live(UUID id) {
        return jdbc.sql("SELECT id, version, definition::text FROM monitor WHERE id = ? AND NOT deleted").param(id)
                .query((rs, n) -> new LiveMonitor(rs.getObject(1, UUID.class), rs.getInt(2),
                        MonitorDefinitions.read(JSON.readValue(rs.getString(3), MAP)))).optional();
    }

    public ChangeView requestCreate(MonitorRequest request) {
        MonitorDefinition definition = checked(request.definition());
        if (liveByName(definition.name()).isPresent()) {
            throw ProblemException.conflict("monitor-exists", "a monitor named '" + definition.name() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        String yaml = MonitorDefinitions.toYaml(definition);
        return changes.submit(new ChangeDraft(CREATE, id.toString(), "Create monitor " + definition.name(),
                Map.of("monitorId", id.toString(), "definition", MonitorDefinitions.toMap(definition)), TextDiff.unified("", yaml, definition.name()),
                request.reason(), tenantId(definition.tenant()), request.emergency()));
    }

    public ChangeView requestUpdate(UUID id, MonitorRequest request) {
        MonitorView current = changeable(id);
        MonitorDefinition definition = checked(request.definition());
        return changes.submit(new ChangeDraft(UPDATE, id.toString(), "Update monitor " + current.name(),
                Map.of("monitorId", id.toString(), "baseVersion", current.version(), "definition", MonitorDefinitions.toMap(definition)),
                TextDiff.unified(current.yaml(), MonitorDefinitions.toYaml(definition), current.name()), request.reason(),
                tenantId(definition.tenant()), request.emergency()));
    }

    public ChangeView requestDelete(UUID id, String reason, boolean emergency) {
        MonitorView current = changeable(id);
        return changes.submit(new ChangeDraft(DELETE, id.toString(), "Delete monitor " + current.name(),
                Map.of("monitorId", id.toString(), "baseVersion", current.version()), TextDiff.unified(current.yaml(), "", current.name()),
                reason, tenantId(current.tenant()), emergency));
    }

    public ChangeView requestRollback(UUID id, int toVersion, String reason, boolean emergency) {
        MonitorView current = changeable(id);
        MonitorVersionView target = versions(id).stream().filter(v -> v.version() == toVersion).findFirst()
                .orElseThrow(() -> ProblemException.notFound("version", toVersion + " of monitor " + id));
        if (target.deleted()) {
            throw ProblemException.badRequest("invalid-rollback", "version " + toVersion + " is a deletion; roll back to a version with a definition");
        }
        if (toVersion == current.version()) {
            throw ProblemException.badRequest("invalid-rollback", "version " + toVersion + " is already in force");
        }
        MonitorDefinition definition = checked(target.definition());
        return changes.submit(new ChangeDraft(ROLLBACK, id.toString(), "Roll back monitor " + current.name() + " to version " + toVersion,
                Map.of("monitorId", id.toString(), "baseVersion", current.version(), "toVersion", toVersion,
                        "definition", MonitorDefinitions.toMap(definition)),
                TextDiff.unified(current.yaml(), target.yaml(), current.name()), reason, tenantId(definition.tenant()), emergency));
    }

    /** One change request that creates every monitor of a pack (all or none apply). */
    public ChangeView requestImport(List<Map<String, Object>> definitions, String packName, String reason, boolean emergency) {
        if (definitions.isEmpty()) {
            throw ProblemException.badRequest("invalid-monitor", "the pack holds no alerting rule to import");
        }
        List<Map<String, Object>> monitors = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> raw : definitions) {
            MonitorDefinition definition;
            try {
                definition = checked(raw);
            } catch (InvalidMonitorException e) {
                throw new InvalidMonitorException("monitor " + raw.get("name") + ": " + e.getMessage());
            }
            if (names.contains(definition.name()) || liveByName(definition.name()).isPresent()) {
                throw ProblemException.conflict("monitor-exists", "a monitor named '" + definition.name() + "' already exists"
                        + (names.contains(definition.name()) ? " in the pack" : ""));
            }
            names.add(definition.name());
            monitors.add(Map.of("monitorId", UUID.randomUUID().toString(), "definition", MonitorDefinitions.toMap(definition)));
            diff.append(TextDiff.unified("", MonitorDefinitions.toYaml(definition), definition.name()));
        }
        List<String> packTenants = monitors.stream().map(m -> (String) ((Map<?, ?>) m.get("definition")).get("tenant")).distinct().toList();
        if (packTenants.size() > 1) {
            throw ProblemException.badRequest("invalid-monitor", "a pack imports into one tenant; these monitors name " + packTenants);
        }
        String tenant = packTenants.getFirst();
        return changes.submit(new ChangeDraft(IMPORT, "pack:" + packName, "Import " + monitors.size() + " monitors from " + packName,
                Map.of("pack", packName, "monitors", monitors), diff.toString(), reason, tenantId(tenant), emergency));
    }

    // ---- applied by the change kinds, in the approval's transaction ----

    @Transactional
    Map<String, Object> applyCreate(ChangeView change) {
        return create(UUID.fromString((String) change.payload().get("monitorId")), definitionOf(change.payload()), change);
    }

    @Transactional
    Map<String, Object> applyUpdate(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("monitorId"));
        MonitorView current = currentAt(id, change);
        MonitorDefinition definition = definitionOf(change.payload());
        Optional<MonitorView> sameName = liveByName(definition.name());
        if (sameName.isPresent() && !sameName.get().id().equals(id)) {
            throw ProblemException.conflict("monitor-exists", "a monitor named '" + definition.name() + "' already exists");
        }
        int version = current.version() + 1;
        jdbc.sql("UPDATE monitor SET name = ?, tenant = ?, version = ?, definition = ?::jsonb, updated_at = now() WHERE id = ?")
                .params(definition.name(), definition.tenant(), version, JSON.writeValueAsString(MonitorDefinitions.toMap(definition)), id)
                .update();
        addVersion(id, version, definition, false, change);
        audit.record(AuditEntry.success(change.kind(), "monitor", id, change.tenantId(), Map.of("version", version,
                "name", definition.name(), "change", change.id().toString())));
        return Map.of("monitorId", id.toString(), "version", version);
    }

    @Transactional
    Map<String, Object> applyDelete(ChangeView change) {
        UUID id = UUID.fromString((String) change.payload().get("monitorId"));
        MonitorView current = currentAt(id, change);
        int version = current.version() + 1;
        jdbc.sql("UPDATE monitor SET deleted = true, version = ?, updated_at = now() WHERE id = ?").params(version, id).update();
        addVersion(id, version, MonitorDefinitions.read(current.definition()), true, change);
        audit.record(AuditEntry.success("monitor.delete", "monitor", id, change.tenantId(), Map.of("version", version,
                "name", current.name(), "change", change.id().toString())));
        return Map.of("monitorId", id.toString(), "version", version, "deleted", true);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Map<String, Object> applyImport(ChangeView change) {
        List<String> created = new ArrayList<>();
        for (Object item : (List<Object>) change.payload().get("monitors")) {
            Map<String, Object> monitor = (Map<String, Object>) item;
            create(UUID.fromString((String) monitor.get("monitorId")), definitionOf(monitor), change);
            created.add((String) monitor.get("monitorId"));
        }
        return Map.of("monitorIds", created);
    }

    private Map<String, Object> create(UUID id, MonitorDefinition definition, ChangeView change) {
        references(definition);
        if (liveByName(definition.name()).isPresent()) {
            throw ProblemException.conflict("monitor-exists", "a monitor named '" + definition.name() + "' already exists");
        }
        jdbc.sql("INSERT INTO monitor (id, name, tenant, version, definition) VALUES (?, ?, ?, 1, ?::jsonb)")
                .params(id, definition.name(), definition.tenant(), JSON.writeValueAsString(MonitorDefinitions.toMap(definition))).update();
        addVersion(id, 1, definition, false, change);
        audit.record(AuditEntry.success("monitor.create", "monitor", id, change.tenantId(), Map.of("version", 1,
                "name", definition.name(), "change", change.id().toString())));
        return Map.of("monitorId", id.toString(), "version", 1);
    }

    private void addVersion(UUID id, int version, MonitorDefinition definition, boolean deleted, ChangeView change) {
        String appliedBy = access.current().map(p -> p.username()).orElse("system");
        jdbc.sql("""
                INSERT INTO monitor_version (monitor_id, version, definition, yaml, deleted, change_id, requested_by, applied_by)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(id, version, JSON.writeValueAsString(MonitorDefinitions.toMap(definition)),
                        deleted ? "" : MonitorDefinitions.toYaml(definition), deleted, change.id(), change.requester(), appliedBy)
                .update();
    }

    /** The monitor as the change expects it: still there, and not changed since the request (else 409). */
    private MonitorView currentAt(UUID id, ChangeView change) {
        MonitorView current = jdbc.sql("SELECT " + COLUMNS + " FROM monitor WHERE id = ? AND NOT deleted FOR UPDATE").param(id)
                .query(this::row).optional()
                .orElseThrow(() -> ProblemException.conflict("monitor-gone", "monitor " + id + " was deleted after this change was requested"));
        int base = ((Number) change.payload().get("baseVersion")).intValue();
        if (current.version() != base) {
            throw ProblemException.conflict("monitor-changed", "monitor " + current.name() + " is at version " + current.version()
                    + ", but this change was made against version " + base + "; reject it and request the change again");
        }
        if (change.payload().containsKey("definition")) {
            references(definitionOf(change.payload()));
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static MonitorDefinition definitionOf(Map<String, Object> payload) {
        return MonitorDefinitions.read((Map<String, Object>) payload.get("definition"));
    }

    /** Validates a definition and its references, and that the caller may change monitors of its tenant. */
    private MonitorDefinition checked(Map<String, Object> raw) {
        if (raw == null) {
            throw ProblemException.badRequest("invalid-monitor", "missing the monitor definition");
        }
        MonitorDefinition definition = MonitorDefinitions.read(raw);
        scopes.require("monitor", "change", definition.tenant());
        references(definition);
        return definition;
    }

    private void references(MonitorDefinition definition) {
        if (definition.target().kind().equals("component") && components.byName(definition.target().name()).isEmpty()) {
            throw ProblemException.badRequest("invalid-monitor", "target component '" + definition.target().name()
                    + "' is not in the component catalogue");
        }
        for (MonitorDefinition.LogSeries log : definition.logs()) {
            try {
                eventCounter.check(log.query());
            } catch (QuerySyntaxException e) {
                throw ProblemException.badRequest("invalid-monitor", "logs " + log.name() + ": invalid query: " + e.getMessage());
            }
        }
        List<String> unknown = definition.receivers().names().stream().filter(n -> !receivers.exists(n)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("invalid-monitor", "receivers " + unknown + " do not exist (see /api/v1/alerting/receivers)");
        }
    }

    private MonitorView changeable(UUID id) {
        MonitorView current = get(id);
        scopes.require("monitor", "change", current.tenant());
        return current;
    }

    private UUID tenantId(String slug) {
        if (slug.equals(TenantService.RESERVED_SLUG)) {
            return null;
        }
        return tenants.all().stream().filter(t -> t.slug().equals(slug)).map(TenantView::id).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-tenant", "no tenant '" + slug + "'"));
    }

    private Optional<MonitorView> liveByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitor WHERE name = ? AND NOT deleted").param(name).query(this::row).optional();
    }

    private Optional<MonitorView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM monitor WHERE id = ? AND NOT deleted").param(id).query(this::row).optional();
    }

    private MonitorView row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Map<String, Object> definition = JSON.readValue(rs.getString(5), MAP);
        List<UUID> pending = changes.pendingFor("monitor.", id.toString()).stream().map(ChangeView::id).toList();
        return new MonitorView(id, rs.getString(2), rs.getString(3), rs.getInt(4), definition,
                MonitorDefinitions.toYaml(MonitorDefinitions.read(definition)), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant(), pending, health.of(id));
    }

    private static MonitorVersionView version(ResultSet rs, int n) throws SQLException {
        return new MonitorVersionView(rs.getObject(1, UUID.class), rs.getInt(2), JSON.readValue(rs.getString(3), MAP), rs.getString(4),
                rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
