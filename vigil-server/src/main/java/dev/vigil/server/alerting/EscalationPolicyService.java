package dev.vigil.server.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.alerting.internal.escalation.EscalationStarter;
import dev.vigil.server.alerting.internal.notify.ReceiverStore;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation policies (ordered steps paging on-call schedules, users and receivers, repeated), and the escalations
 * running for alerts. A receiver or an alert's {@code notify.escalation} entity starts one; the escalation job pages.
 */
@Service
public class EscalationPolicyService {

    public static final int MAX_STEPS = 20;
    public static final int MAX_REPEAT = 10;
    public static final Duration MAX_DELAY = Duration.ofHours(24);
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<EscalationStep>> STEPS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT id, name, description, steps::text, repeat, repeat_after_ms, created_by, created_at, updated_at FROM escalation_policy""";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final OnCallService oncall;
    private final ReceiverStore receivers;
    private final EscalationStarter starter;

    EscalationPolicyService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, OnCallService oncall, ReceiverStore receivers,
            EscalationStarter starter) {
        this.starter = starter;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.oncall = oncall;
        this.receivers = receivers;
    }

    public List<EscalationPolicyView> list() {
        access.require("oncall", "read", null);
        return jdbc.sql(SELECT + " ORDER BY name").query(EscalationPolicyService::map).list();
    }

    public EscalationPolicyView get(UUID id) {
        access.require("oncall", "read", null);
        return find(id);
    }

    /** Whether a policy of this name exists (names are not secret: features that name policies check them). */
    public boolean exists(String name) {
        return name != null && jdbc.sql("SELECT count(*) FROM escalation_policy WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    @Transactional
    public EscalationPolicyView create(EscalationPolicyRequest request) {
        String user = access.require("oncall", "configure", null).username();
        Valid valid = validate(request);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO escalation_policy (id, name, description, steps, repeat, repeat_after_ms, created_by)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                    .params(id, valid.name(), valid.description(), JSON.writeValueAsString(valid.steps()), valid.repeat(),
                            valid.repeatAfterMs(), user).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate", "an escalation policy named '" + valid.name() + "' exists");
        }
        audit.record(AuditEntry.success("escalation-policy.create", "escalation-policy", id, null, describe(valid)));
        return find(id);
    }

    @Transactional
    public EscalationPolicyView update(UUID id, EscalationPolicyRequest request) {
        access.require("oncall", "configure", null);
        EscalationPolicyView before = find(id);
        Valid valid = validate(request);
        if (!valid.name().equals(before.name()) && referencedBy(before.name()).size() > 0) {
            throw ProblemException.conflict("in-use", "receivers " + referencedBy(before.name()) + " name this policy; it keeps its name");
        }
        try {
            jdbc.sql("""
                    UPDATE escalation_policy SET name = ?, description = ?, steps = ?::jsonb, repeat = ?, repeat_after_ms = ?,
                           updated_at = now() WHERE id = ?""")
                    .params(valid.name(), valid.description(), JSON.writeValueAsString(valid.steps()), valid.repeat(), valid.repeatAfterMs(),
                            id).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate", "an escalation policy named '" + valid.name() + "' exists");
        }
        audit.record(AuditEntry.success("escalation-policy.update", "escalation-policy", id, null, describe(valid)));
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        access.require("oncall", "configure", null);
        EscalationPolicyView policy = find(id);
        List<String> users = referencedBy(policy.name());
        if (!users.isEmpty()) {
            throw ProblemException.conflict("in-use", "receivers " + users + " name this policy; change them first");
        }
        jdbc.sql("DELETE FROM escalation_policy WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("escalation-policy.delete", "escalation-policy", id, null, Map.of("name", policy.name())));
    }

    /** The escalations of an alert the caller may see, each with whom it paged. */
    public List<EscalationView> escalationsOf(AlertView alert) {
        return jdbc.sql("""
                SELECT id, alert_id, policy_name, state, next_step, round, next_at, started_by, started_at, ended_at
                FROM alert_escalation WHERE alert_id = ? ORDER BY started_at, id""").param(alert.id())
                .query((rs, n) -> new EscalationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), instant(rs.getTimestamp(10)), pages(rs.getObject(1, UUID.class)))).list();
    }

    private List<EscalationView.Page> pages(UUID escalation) {
        return jdbc.sql("SELECT at, step, round, target, paged, note FROM alert_escalation_page WHERE escalation_id = ? ORDER BY at, step, id")
                .param(escalation)
                .query((rs, n) -> new EscalationView.Page(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getString(6))).list();
    }

    private List<String> referencedBy(String policy) {
        return receivers.all().stream().filter(r -> policy.equals(r.escalationPolicy())).map(ReceiverStore.Receiver::name).toList();
    }

    private EscalationPolicyView find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(EscalationPolicyService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("escalation policy", id));
    }

    private record Valid(String name, String description, List<EscalationStep> steps, int repeat, long repeatAfterMs) {
    }

    private Valid validate(EscalationPolicyRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().strip().length() > 100) {
            throw invalid("name is required (at most 100 characters)");
        }
        String description = request.description() == null ? "" : request.description().strip();
        if (description.length() > 2000) {
            throw invalid("description: at most 2000 characters");
        }
        if (request.steps() == null || request.steps().isEmpty() || request.steps().size() > MAX_STEPS) {
            throw invalid("steps: give 1-" + MAX_STEPS + " steps");
        }
        List<EscalationStep> steps = new ArrayList<>();
        for (int i = 0; i < request.steps().size(); i++) {
            steps.add(step(i, request.steps().get(i)));
        }
        int repeat = request.repeat() == null ? 0 : request.repeat();
        if (repeat < 0 || repeat > MAX_REPEAT) {
            throw invalid("repeat must be 0-" + MAX_REPEAT);
        }
        long repeatAfter = 0;
        if (repeat > 0) {
            if (request.repeatAfter() == null || request.repeatAfter().isBlank()) {
                throw invalid("repeatAfter is required when repeat is above 0: the wait after the last step before the chain starts again");
            }
            repeatAfter = duration("repeatAfter", request.repeatAfter());
            if (repeatAfter <= 0) {
                throw invalid("repeatAfter must be longer than 0s");
            }
        }
        return new Valid(request.name().strip(), description, List.copyOf(steps), repeat, repeatAfter);
    }

    private EscalationStep step(int index, EscalationStep step) {
        return step("steps[" + index + "]", step);
    }

    private EscalationStep step(String where, EscalationStep step) {
        if (step == null) {
            throw invalid(where + " must not be null");
        }
        long delay = step.delay() == null || step.delay().isBlank() ? 0 : duration(where + ".delay", step.delay());
        if (step.schedules().isEmpty() && step.users().isEmpty() && step.receivers().isEmpty()) {
            throw invalid(where + " pages nobody: name schedules, users or receivers");
        }
        for (String schedule : step.schedules()) {
            if (!oncall.exists(schedule)) {
                throw invalid(where + ".schedules: no on-call schedule is named '" + schedule + "'");
            }
        }
        for (String user : step.users()) {
            if (user == null || !USERNAME.matcher(user).matches()) {
                throw invalid(where + ".users: '" + user + "' is not a valid username");
            }
        }
        for (String receiver : step.receivers()) {
            if (receiver == null || receivers.byName(receiver).isEmpty()) {
                throw invalid(where + ".receivers: no receiver is named '" + receiver + "'");
            }
        }
        return new EscalationStep(Durations.format(delay), step.schedules().stream().distinct().toList(),
                step.users().stream().distinct().toList(), step.receivers().stream().distinct().toList());
    }

    private static long duration(String field, String text) {
        long ms;
        try {
            ms = Durations.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage() + " (write e.g. 30s, 5m, 1h)");
        }
        if (ms < 0 || ms > MAX_DELAY.toMillis()) {
            throw invalid(field + " must be 0s to 24h");
        }
        return ms;
    }

    private static Map<String, Object> describe(Valid policy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", policy.name());
        body.put("steps", policy.steps().stream().map(s -> Map.of("delay", s.delay(), "schedules", s.schedules(), "users", s.users(),
                "receivers", s.receivers())).toList());
        body.put("repeat", policy.repeat());
        body.put("repeatAfter", Durations.format(policy.repeatAfterMs()));
        return body;
    }

    private static EscalationPolicyView map(ResultSet rs, int n) throws SQLException {
        return new EscalationPolicyView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), JSON.readValue(rs.getString(4), STEPS),
                rs.getInt(5), Durations.format(rs.getLong(6)), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    /**
     * Pages the targets once for the alert (no caller check; a playbook's notify step): a one-step escalation that the
     * escalation job runs at once, logged and stopped like any other. The same {@code key} pages once only.
     */
    public void pageOnce(AlertView alert, String key, String name, EscalationStep targets, String why) {
        EscalationStep step = step(name, new EscalationStep("0s", targets.schedules(), targets.users(), targets.receivers()));
        starter.start(alert, UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name, List.of(step), 0, 0, why);
    }

    /** Steps as stored. */
    public static String json(List<EscalationStep> steps) {
        return JSON.writeValueAsString(steps);
    }

    /** Steps as stored (for the escalation job). */
    public static List<EscalationStep> steps(String json) {
        return JSON.readValue(json, STEPS);
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-escalation-policy", detail);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
