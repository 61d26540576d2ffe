package dev.vigil.server.alerting;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What users do with alerts: list and read them, acknowledge them, resolve them — within the tenants they may see. */
@Service
public class AlertService {

    public static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final TenantScopes scopes;
    private final AuditLog audit;

    AlertService(JdbcClient jdbc, AccessPolicy access, TenantScopes scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.scopes = scopes;
        this.audit = audit;
    }

    public List<AlertView> list(AlertFilter filter) {
        List<String> visible = visibleTenants("read");
        StringBuilder sql = new StringBuilder("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE true");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            sql.append(" AND tenant = ANY (?)");
            params.add(visible.toArray(String[]::new));
        }
        if (filter.state() != null) {
            if (!List.of("firing", "resolved").contains(filter.state())) {
                throw ProblemException.badRequest("invalid-input", "state must be firing or resolved");
            }
            sql.append(" AND state = ?");
            params.add(filter.state());
        }
        if (filter.severity() != null) {
            try {
                params.add(AlertSeverity.parse(filter.severity()).code());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-input", e.getMessage());
            }
            sql.append(" AND severity = ?");
        }
        appendEquals(sql, params, "source", filter.source());
        appendEquals(sql, params, "rule_ref", filter.ruleRef());
        appendEquals(sql, params, "tenant", filter.tenant());
        if (filter.acknowledged() != null) {
            sql.append(filter.acknowledged() ? " AND acknowledged_at IS NOT NULL" : " AND acknowledged_at IS NULL");
        }
        if (filter.before() != null) {
            sql.append(" AND last_seen < ?");
            params.add(Timestamp.from(filter.before()));
        }
        int limit = filter.limit() <= 0 ? 100 : filter.limit();
        if (limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-input", "limit must be at most " + MAX_LIMIT);
        }
        if (filter.offset() < 0) {
            throw ProblemException.badRequest("invalid-input", "offset must be at least 0");
        }
        sql.append(" ORDER BY last_seen DESC, id LIMIT ").append(limit).append(" OFFSET ").append(filter.offset());
        return jdbc.sql(sql.toString()).params(params).query(AlertRows::map).list();
    }

    /** How many alerts each source raised since then, by severity (first seen), within the caller's tenants. */
    public Map<String, Map<String, Long>> volumeBySourceAndSeverity(java.time.Instant since) {
        List<String> visible = visibleTenants("read");
        var query = visible == null
                ? jdbc.sql("SELECT source, severity, count(*) FROM alert WHERE first_seen >= ? GROUP BY source, severity")
                        .param(java.sql.Timestamp.from(since))
                : jdbc.sql("SELECT source, severity, count(*) FROM alert WHERE first_seen >= ? AND tenant = ANY (?) GROUP BY source, severity")
                        .params(java.sql.Timestamp.from(since), visible.toArray(String[]::new));
        Map<String, Map<String, Long>> volume = new java.util.TreeMap<>();
        query.query((rs, n) -> {
            Map<String, Long> bySeverity = volume.computeIfAbsent(rs.getString(1), k -> {
                Map<String, Long> zero = new java.util.LinkedHashMap<>();
                for (AlertSeverity severity : AlertSeverity.values()) {
                    zero.put(severity.code(), 0L);
                }
                return zero;
            });
            bySeverity.put(rs.getString(2), rs.getLong(3));
            return null;
        }).list();
        return volume;
    }

    /** Counts of firing alerts by severity, within the caller's tenants. */
    public Map<String, Long> firingBySeverity() {
        List<String> visible = visibleTenants("read");
        var query = visible == null
                ? jdbc.sql("SELECT severity, count(*) FROM alert WHERE state = 'firing' GROUP BY severity")
                : jdbc.sql("SELECT severity, count(*) FROM alert WHERE state = 'firing' AND tenant = ANY (?) GROUP BY severity")
                        .param(visible.toArray(String[]::new));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (AlertSeverity severity : AlertSeverity.values()) {
            counts.put(severity.code(), 0L);
        }
        query.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public AlertView get(UUID id) {
        AlertView alert = jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ?").param(id)
                .query(AlertRows::map).optional().orElseThrow(() -> ProblemException.notFound("alert", id));
        List<String> visible = visibleTenants("read");
        if (visible != null && !visible.contains(alert.tenant())) {
            throw ProblemException.notFound("alert", id);
        }
        return alert;
    }

    /**
     * The firing alerts grouped under this one (alerts of components downstream of the one this alert says is down),
     * within the caller's tenants, oldest first.
     */
    public List<AlertView> groupedUnder(UUID id) {
        get(id);
        List<String> visible = visibleTenants("read");
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE suppressed_by = ? AND state = 'firing' ORDER BY first_seen, id")
                .param(id).query(AlertRows::map).list().stream().filter(a -> visible == null || visible.contains(a.tenant())).toList();
    }

    @Transactional
    public AlertView acknowledge(UUID id, String comment) {
        AlertView alert = lockForUpdate(id);
        if (alert.acknowledgedAt() != null) {
            return alert;
        }
        VigilPrincipal caller = access.requireCurrent();
        jdbc.sql("UPDATE alert SET acknowledged_by = ?, acknowledged_at = now() WHERE id = ?").params(caller.username(), id).update();
        audit.record(AuditEntry.success("alert.acknowledge", "alert", id, null, Map.of("title", alert.title(),
                "comment", comment == null ? "" : comment)));
        return get(id);
    }

    @Transactional
    public AlertView resolve(UUID id, String resolution) {
        if (resolution == null || resolution.isBlank() || resolution.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "resolution is required (at most 2000 characters): say why the alert is closed");
        }
        AlertView alert = lockForUpdate(id);
        if (alert.state().equals("resolved")) {
            throw ProblemException.conflict("already-resolved", "alert " + id + " was resolved by " + alert.resolvedBy());
        }
        VigilPrincipal caller = access.requireCurrent();
        jdbc.sql("""
                UPDATE alert SET state = 'resolved', resolved_by = ?, resolved_at = now(), resolution = ?,
                                 acknowledged_by = coalesce(acknowledged_by, ?), acknowledged_at = coalesce(acknowledged_at, now())
                WHERE id = ?""").params(caller.username(), resolution.trim(), caller.username(), id).update();
        audit.record(AuditEntry.success("alert.resolve", "alert", id, null, Map.of("title", alert.title(),
                "resolution", resolution.trim())));
        return get(id);
    }

    private AlertView lockForUpdate(UUID id) {
        AlertView alert = get(id);
        List<String> updatable = visibleTenants("update");
        if (updatable != null && !updatable.contains(alert.tenant())) {
            throw ProblemException.forbidden("forbidden", "you may not change alerts of tenant " + alert.tenant());
        }
        jdbc.sql("SELECT id FROM alert WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
        return get(id);
    }

    /** The tenant slugs whose alerts the caller may see or change, or null for all of them. */
    private List<String> visibleTenants(String action) {
        return scopes.slugs("alert", action);
    }

    private static void appendEquals(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
