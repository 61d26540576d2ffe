package dev.vigil.server.detection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tuning exceptions: suppress a rule's matches whose event field has one of the given values, for one tenant or all,
 * with a reason and an expiry (at most a year: tuning is revisited, not forgotten). Revoking keeps the record.
 */
@Service
public class RuleExceptionService {

    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    public static final int MAX_VALUES = 1000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RuleExceptionService(JdbcClient jdbc, AccessPolicy access, TenantScopes tenants, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a new exception says. */
    public record NewException(String tenant, String field, List<String> values, String reason, Instant expiresAt) {
    }

    public List<RuleExceptionView> listFor(UUID ruleId) {
        return jdbc.sql(SELECT + " WHERE rule_id = ? ORDER BY created_at DESC").param(ruleId).query(RuleExceptionService::map).list();
    }

    public List<RuleExceptionView> listActive() {
        return jdbc.sql(SELECT + " WHERE revoked_at IS NULL AND expires_at > now() ORDER BY expires_at").query(RuleExceptionService::map).list();
    }

    @Transactional
    public RuleExceptionView create(UUID ruleId, NewException request) {
        VigilPrincipal caller = access.requireCurrent();
        String tenant = request.tenant() == null || request.tenant().isBlank() ? null : request.tenant().trim();
        if (tenant == null) {
            if (!caller.canEverywhere("rule", "update")) {
                throw ProblemException.forbidden("forbidden", "an exception for every tenant needs rule:update for every tenant");
            }
        } else {
            tenants.require("rule", "update", tenant);
        }
        String title = jdbc.sql("SELECT title FROM detection_rule WHERE id = ?").param(ruleId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("rule", ruleId));
        validate(request);
        List<String> values = request.values().stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO detection_exception (id, rule_id, tenant, field, field_values, reason, expires_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ruleId, tenant, request.field().trim(), values.toArray(String[]::new), request.reason().trim(),
                        Timestamp.from(request.expiresAt()), caller.username()).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rule", ruleId.toString());
        body.put("title", title);
        body.put("tenant", tenant == null ? "*" : tenant);
        body.put("field", request.field().trim());
        body.put("values", values);
        body.put("reason", request.reason().trim());
        body.put("expiresAt", request.expiresAt().toString());
        audit.record(AuditEntry.success("rule.exception.create", "rule-exception", id, null, body));
        events.publishEvent(new RulesChanged("exception"));
        return get(id);
    }

    @Transactional
    public RuleExceptionView revoke(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        RuleExceptionView exception = get(id);
        if (exception.tenant() == null) {
            if (!caller.canEverywhere("rule", "update")) {
                throw ProblemException.forbidden("forbidden", "revoking an exception for every tenant needs rule:update for every tenant");
            }
        } else {
            tenants.require("rule", "update", exception.tenant());
        }
        if (exception.revokedAt() != null) {
            throw ProblemException.conflict("already-revoked", "exception " + id + " was revoked by " + exception.revokedBy());
        }
        jdbc.sql("UPDATE detection_exception SET revoked_by = ?, revoked_at = now() WHERE id = ?").params(caller.username(), id).update();
        audit.record(AuditEntry.success("rule.exception.revoke", "rule-exception", id, null, Map.of("rule", exception.ruleId().toString(),
                "field", exception.field(), "values", exception.values())));
        events.publishEvent(new RulesChanged("exception"));
        return get(id);
    }

    private RuleExceptionView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RuleExceptionService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("exception", id));
    }

    private void validate(NewException request) {
        if (request.field() == null || request.field().isBlank() || request.field().length() > 200) {
            throw ProblemException.badRequest("invalid-input", "field is required (the event field to compare, e.g. user.name or Image)");
        }
        if (request.values() == null || request.values().stream().allMatch(v -> v == null || v.isBlank())
                || request.values().size() > MAX_VALUES) {
            throw ProblemException.badRequest("invalid-input", "values: give 1-" + MAX_VALUES + " values to suppress");
        }
        if (request.values().stream().anyMatch(v -> v == null || v.length() > 2000)) {
            throw ProblemException.badRequest("invalid-input", "values may not be null or longer than 2000 characters");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "reason is required (at most 2000 characters): say why these matches are benign");
        }
        Instant now = clock.instant();
        if (request.expiresAt() == null || !request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw ProblemException.badRequest("invalid-input", "expiresAt is required, in the future and at most "
                    + MAX_LIFETIME.toDays() + " days ahead");
        }
    }

    private static final String SELECT = """
            SELECT id, rule_id, tenant, field, field_values, reason, expires_at, created_by, created_at, revoked_by, revoked_at
            FROM detection_exception""";

    private static RuleExceptionView map(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp(11);
        return new RuleExceptionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                strings(rs.getArray(5)), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10), revoked == null ? null : revoked.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
