package dev.vigil.server.detection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.detection.internal.DetectionEngine;
import dev.vigil.server.detection.internal.ImportedDocument;
import dev.vigil.server.detection.internal.SigmaDocumentReader;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managed Sigma rules: import (new documents and new versions of changed ones; every version kept, each change
 * audited), the rule list and detail, and the switches per rule and per tenant.
 */
@Service
public class RuleService {

    public static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DetectionEngine engine;
    private final TenantScopes tenants;
    private final RuleExceptionService exceptions;
    private final SigmaDocumentReader reader = new SigmaDocumentReader();

    RuleService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ApplicationEventPublisher events, DetectionEngine engine,
            TenantScopes tenants, RuleExceptionService exceptions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.engine = engine;
        this.tenants = tenants;
        this.exceptions = exceptions;
    }

    /** Rules filtered by a text in title, id, author or log source, by kind, level and switch; ordered by title. */
    public List<RuleView> list(String text, String kind, String level, Boolean enabled, int limit, int offset) {
        requireReader();
        if (limit < 0 || limit > MAX_LIMIT || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 0-" + MAX_LIMIT + " and offset at least 0");
        }
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            sql.append(" AND (r.title ILIKE ? OR r.sigma_id ILIKE ? OR r.author ILIKE ? OR r.logsource ILIKE ?)");
            String like = "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.addAll(List.of(like, like, like, like));
        }
        if (kind != null && !kind.isBlank()) {
            sql.append(" AND r.kind = ?");
            params.add(kind);
        }
        if (level != null && !level.isBlank()) {
            sql.append(" AND r.level = ?");
            params.add(level);
        }
        if (enabled != null) {
            sql.append(" AND r.enabled = ?");
            params.add(enabled);
        }
        sql.append(" ORDER BY r.title, r.sigma_id LIMIT ").append(limit == 0 ? 100 : limit).append(" OFFSET ").append(offset);
        return withSwitches(jdbc.sql(sql.toString()).params(params).query(this::map).list());
    }

    public long count() {
        requireReader();
        return jdbc.sql("SELECT count(*) FROM detection_rule").query(Long.class).single();
    }

    public RuleDetail get(UUID id) {
        requireReader();
        RuleView rule = find(id).orElseThrow(() -> ProblemException.notFound("rule", id));
        String yaml = jdbc.sql("SELECT yaml FROM detection_rule WHERE id = ?").param(id).query(String.class).single();
        List<RuleVersionView> versions = jdbc.sql("""
                SELECT version, sha256, change, changed_by, changed_at, yaml FROM detection_rule_version
                WHERE rule_id = ? ORDER BY version DESC""").param(id)
                .query((rs, n) -> new RuleVersionView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
        return new RuleDetail(rule, yaml, versions, exceptions.listFor(id));
    }

    /** Finds a rule by its Sigma id. */
    public Optional<RuleView> findBySigmaId(String sigmaId) {
        requireReader();
        return withSwitches(jdbc.sql(SELECT + " WHERE r.sigma_id = ?").param(sigmaId).query(this::map).list()).stream().findFirst();
    }

    /**
     * Imports rule files. A document whose Sigma id is new is created (switched on unless {@code enable} is false or
     * its status is deprecated or unsupported); one whose text changed gets a new version; identical ones are left.
     */
    @Transactional
    public ImportReport importFiles(List<RuleFile> files, String origin, boolean enable) {
        VigilPrincipal caller = access.requireCurrent();
        if (!caller.canEverywhere("rule", "update")) {
            throw ProblemException.forbidden("forbidden", "importing rules needs rule:update for every tenant");
        }
        SigmaDocumentReader.Result read = reader.read(files);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ImportedDocument document : read.documents()) {
            var existing = jdbc.sql("SELECT id, version, sha256 FROM detection_rule WHERE sigma_id = ? FOR UPDATE")
                    .param(document.key())
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}).optional();
            String sha = document.sha256();
            if (existing.isEmpty()) {
                create(document, sha, origin, enable && !List.of("deprecated", "unsupported").contains(document.status()), caller);
                created++;
            } else if (!existing.get()[2].equals(sha)) {
                update((UUID) existing.get()[0], (int) existing.get()[1] + 1, document, sha, origin, caller);
                updated++;
            } else {
                unchanged++;
            }
        }
        List<String> problems = read.problems().stream().map(SigmaProblem::toString).toList();
        audit.record(AuditEntry.success("rule.import", "rule-import", origin, null, Map.of("files", files.size(),
                "created", created, "updated", updated, "unchanged", unchanged, "problems", problems.size())));
        if (created + updated > 0) {
            events.publishEvent(new RulesChanged("import"));
        }
        return new ImportReport(files.size(), created, updated, unchanged, problems);
    }

    /** Switches a rule on or off, for every tenant (tenant null) or for one tenant. */
    @Transactional
    public RuleView setEnabled(UUID id, String tenant, boolean enabled) {
        VigilPrincipal caller = access.requireCurrent();
        RuleView rule = find(id).orElseThrow(() -> ProblemException.notFound("rule", id));
        if (tenant == null || tenant.isBlank()) {
            if (!caller.canEverywhere("rule", "update")) {
                throw ProblemException.forbidden("forbidden", "switching a rule for every tenant needs rule:update for every tenant");
            }
            jdbc.sql("UPDATE detection_rule SET enabled = ?, updated_at = now() WHERE id = ?").params(enabled, id).update();
        } else {
            tenants.require("rule", "update", tenant);
            jdbc.sql("""
                    INSERT INTO detection_rule_tenant (rule_id, tenant, enabled, changed_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (rule_id, tenant) DO UPDATE SET enabled = excluded.enabled, changed_by = excluded.changed_by,
                        changed_at = now()""").params(id, tenant, enabled, caller.username()).update();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sigmaId", rule.sigmaId());
        body.put("title", rule.title());
        body.put("tenant", tenant == null || tenant.isBlank() ? "*" : tenant);
        Object before = tenant == null || tenant.isBlank() ? (Object) rule.enabled() : rule.tenants().get(tenant);
        body.put("before", before == null ? "inherited" : before);
        body.put("after", enabled);
        audit.record(AuditEntry.success(enabled ? "rule.enable" : "rule.disable", "rule", id, null, body));
        events.publishEvent(new RulesChanged("switch"));
        return find(id).orElseThrow();
    }

    private void requireReader() {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission rule:read");
        }
    }

    private void create(ImportedDocument document, String sha, String origin, boolean enabled, VigilPrincipal caller) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO detection_rule (id, sigma_id, kind, title, level, status, author, logsource, origin, version, yaml,
                                            sha256, enabled)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(id, document.key(), document.kind(), document.title(), document.level(), document.status(),
                        document.author(), document.logsource(), origin, document.yaml(), sha, enabled).update();
        jdbc.sql("INSERT INTO detection_rule_version (rule_id, version, yaml, sha256, change, changed_by) VALUES (?, 1, ?, ?, ?, ?)")
                .params(id, document.yaml(), sha, "imported from " + origin + " (" + document.file() + ")", caller.username()).update();
        audit.record(AuditEntry.success("rule.create", "rule", id, null, Map.of("sigmaId", document.key(), "kind", document.kind(),
                "title", document.title(), "version", 1, "sha256", sha, "file", document.file(), "enabled", enabled)));
    }

    private void update(UUID id, int version, ImportedDocument document, String sha, String origin, VigilPrincipal caller) {
        jdbc.sql("""
                UPDATE detection_rule SET kind = ?, title = ?, level = ?, status = ?, author = ?, logsource = ?, origin = ?,
                       version = ?, yaml = ?, sha256 = ?, updated_at = now() WHERE id = ?""")
                .params(document.kind(), document.title(), document.level(), document.status(), document.author(),
                        document.logsource(), origin, version, document.yaml(), sha, id).update();
        jdbc.sql("INSERT INTO detection_rule_version (rule_id, version, yaml, sha256, change, changed_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, version, document.yaml(), sha, "updated from " + origin + " (" + document.file() + ")", caller.username())
                .update();
        audit.record(AuditEntry.success("rule.update", "rule", id, null, Map.of("sigmaId", document.key(), "title", document.title(),
                "version", version, "sha256", sha, "file", document.file())));
    }

    private Optional<RuleView> find(UUID id) {
        return withSwitches(jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::map).list()).stream().findFirst();
    }

    private List<RuleView> withSwitches(List<RuleView> rules) {
        if (rules.isEmpty()) {
            return rules;
        }
        Map<UUID, Map<String, Boolean>> switches = new HashMap<>();
        jdbc.sql("SELECT rule_id, tenant, enabled FROM detection_rule_tenant WHERE rule_id = ANY (?) ORDER BY tenant")
                .param(rules.stream().map(RuleView::id).toArray(UUID[]::new))
                .query(rs -> {
                    switches.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                });
        return rules.stream().map(r -> new RuleView(r.id(), r.sigmaId(), r.kind(), r.title(), r.level(), r.status(), r.author(),
                r.logsource(), r.origin(), r.version(), r.enabled(), switches.getOrDefault(r.id(), Map.of()), r.hits(), r.lastHit(),
                r.updatedAt(), r.problem(), state(r, switches.getOrDefault(r.id(), Map.of())))).toList();
    }

    private static final String SELECT = """
            SELECT r.id, r.sigma_id, r.kind, r.title, r.level, r.status, r.author, r.logsource, r.origin, r.version, r.enabled,
                   coalesce(s.hits, 0), s.last_hit, r.updated_at
            FROM detection_rule r LEFT JOIN detection_rule_stats s ON s.rule_id = r.id""";

    private RuleView map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Timestamp lastHit = rs.getTimestamp(13);
        Instant last = lastHit == null ? null : lastHit.toInstant();
        return new RuleView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getBoolean(11), Map.of(), rs.getLong(12),
                last, rs.getTimestamp(14).toInstant(), engine.problems().get(id), null);
    }

    private String state(RuleView rule, Map<String, Boolean> switches) {
        if (engine.isRunnable(rule.id())) {
            return "active";
        }
        if (!rule.enabled() && !switches.containsValue(Boolean.TRUE)) {
            return "disabled";
        }
        return rule.problem() != null ? "not-runnable" : "pending";
    }
}
