package dev.vigil.server.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which escalation policy (alerting) the SLA breach alerts of each incident level go through, so a breach pages
 * whoever is on call. A level without one notifies by routing and receivers only.
 */
@Service
public class LevelEscalation {

    /** A level and its policy (null: none). */
    public record LevelPolicy(int level, String label, String policy) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EscalationPolicyService policies;

    LevelEscalation(JdbcClient jdbc, AccessPolicy access, AuditLog audit, EscalationPolicyService policies) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.policies = policies;
    }

    public List<LevelPolicy> list() {
        access.require("incident", "read", null);
        Map<Integer, String> set = new HashMap<>();
        jdbc.sql("SELECT level, policy FROM incident_level_escalation").query((rs, n) -> set.put(rs.getInt(1), rs.getString(2))).list();
        List<LevelPolicy> levels = new ArrayList<>();
        for (int level = Level.MOST_SEVERE; level <= Level.LEAST_SEVERE; level++) {
            levels.add(new LevelPolicy(level, Level.label(level), set.get(level)));
        }
        return levels;
    }

    /** Sets (or with null or blank, removes) the level's policy. */
    @Transactional
    public List<LevelPolicy> set(int level, String policy) {
        String user = access.require("incident", "configure", null).username();
        if (!Level.isValid(level)) {
            throw ProblemException.badRequest("invalid-level", "level must be 1 (I) to 4 (IV)");
        }
        String name = policy == null ? "" : policy.strip();
        if (name.isEmpty()) {
            jdbc.sql("DELETE FROM incident_level_escalation WHERE level = ?").param(level).update();
        } else {
            if (!policies.exists(name)) {
                throw ProblemException.badRequest("invalid-input", "policy: no escalation policy is named '" + name
                        + "' (create it with POST /api/v1/oncall/escalation-policies)");
            }
            jdbc.sql("""
                    INSERT INTO incident_level_escalation (level, policy, updated_by) VALUES (?, ?, ?)
                    ON CONFLICT (level) DO UPDATE SET policy = excluded.policy, updated_by = excluded.updated_by, updated_at = now()""")
                    .params(level, name, user).update();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("policy", name);
        audit.record(AuditEntry.success("incident.level.escalation", "incident-level", level, null, body));
        return list();
    }

    /** The level's policy, for the SLA job (no caller check). */
    public Optional<String> policyOf(int level) {
        return jdbc.sql("SELECT policy FROM incident_level_escalation WHERE level = ?").param(level).query(String.class).optional();
    }
}
