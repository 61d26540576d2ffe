package dev.vigil.server.detection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.detection.internal.BaselineRunner;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Learned-baseline definitions: list, create, change (a new version; learning starts over), switch; all audited. */
@Service
public class BaselineService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BaselineRunner runner;

    BaselineService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ApplicationEventPublisher events, BaselineRunner runner) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.runner = runner;
    }

    public List<BaselineView> list() {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission rule:read");
        }
        return jdbc.sql(SELECT + " ORDER BY name").query(this::map).list();
    }

    public BaselineView get(String name) {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission rule:read");
        }
        return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("baseline", name));
    }

    @Transactional
    public BaselineView create(BaselineDefinition definition) {
        requireWriter();
        definition.detector();
        if (jdbc.sql("SELECT count(*) FROM detection_baseline WHERE name = ?").param(definition.name()).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a baseline named '" + definition.name() + "' exists");
        }
        jdbc.sql("INSERT INTO detection_baseline (id, name, definition, version, created_by) VALUES (?, ?, ?, 1, ?)")
                .params(UUID.randomUUID(), definition.name(), JSON.writeValueAsString(definition), access.requireCurrent().username())
                .update();
        audit.record(AuditEntry.success("baseline.create", "baseline", definition.name(), null,
                Map.of("definition", JSON.writeValueAsString(definition))));
        events.publishEvent(new BaselinesChanged(definition.name()));
        return get(definition.name());
    }

    @Transactional
    public BaselineView update(String name, BaselineDefinition definition) {
        requireWriter();
        BaselineView before = get(name);
        if (!name.equals(definition.name())) {
            throw ProblemException.badRequest("invalid-baseline", "the name cannot change (create a new baseline instead)");
        }
        definition.detector();
        jdbc.sql("UPDATE detection_baseline SET definition = ?, version = version + 1, updated_at = now() WHERE name = ?")
                .params(JSON.writeValueAsString(definition), name).update();
        audit.record(AuditEntry.success("baseline.update", "baseline", name, null, Map.of(
                "before", JSON.writeValueAsString(before.definition()), "after", JSON.writeValueAsString(definition))));
        events.publishEvent(new BaselinesChanged(name));
        return get(name);
    }

    @Transactional
    public BaselineView setEnabled(String name, boolean enabled) {
        requireWriter();
        get(name);
        jdbc.sql("UPDATE detection_baseline SET enabled = ?, updated_at = now() WHERE name = ?").params(enabled, name).update();
        audit.record(AuditEntry.success(enabled ? "baseline.enable" : "baseline.disable", "baseline", name, null, Map.of()));
        events.publishEvent(new BaselinesChanged(name));
        return get(name);
    }

    private void requireWriter() {
        if (!access.requireCurrent().canEverywhere("rule", "update")) {
            throw ProblemException.forbidden("forbidden", "changing baselines needs rule:update for every tenant");
        }
    }

    private static final String SELECT = "SELECT id, definition, version, enabled, created_by, updated_at FROM detection_baseline";

    private BaselineView map(ResultSet rs, int n) throws SQLException {
        BaselineDefinition definition = JSON.readValue(rs.getString(2), BaselineDefinition.class);
        return new BaselineView(rs.getObject(1, UUID.class), definition, rs.getInt(3), rs.getBoolean(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), runner.entities(definition.name()));
    }
}
