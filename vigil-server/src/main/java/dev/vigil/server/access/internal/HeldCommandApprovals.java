package dev.vigil.server.access.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.bastion.gateway.CommandApprovals;
import dev.vigil.bastion.gateway.HeldCommand;
import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands the command policy sends to review become change requests of kind {@value #KIND}, submitted by the operator
 * who typed them (a Vigil user, so the requester can never approve their own command) and approved by one holder of
 * {@code access-request:approve} for the target's tenant. The gateway holds the command meanwhile; an approval applies
 * only while the gateway still holds it, and when the wait ends the gateway withdraws the request. Each hold is audited
 * ({@code access.session.command.held}); the decision by the approval flow ({@code change.apply}/{@code change.reject}),
 * the outcome with the command's record ({@code access.session.command} or {@code ...command.refused}).
 */
@Component
public class HeldCommandApprovals implements CommandApprovals, ChangeKind {

    public static final String KIND = "access.command";
    private static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final OperatorDirectory operators;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    /** The requests the gateway is holding a command for now, with the operator they are asked for. */
    private final Map<UUID, VigilPrincipal> holding = new ConcurrentHashMap<>();

    HeldCommandApprovals(@Lazy ChangeRequests changes, AccessPolicy access, OperatorDirectory operators, TransactionTemplate transactions,
            AuditLog audit, JdbcClient jdbc) {
        this.changes = changes;
        this.access = access;
        this.operators = operators;
        this.transactions = transactions;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    public String request(HeldCommand held) {
        VigilPrincipal operator = operators.principal(UUID.fromString(held.operator().id()))
                .orElseThrow(() -> new IllegalStateException("the operator " + held.operator().username() + " may no longer connect"));
        UUID tenant = jdbc.sql("SELECT tenant_id FROM access_target WHERE id = ?").param(UUID.fromString(held.target().targetId()))
                .query(UUID.class).optional().orElse(null);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("session", held.sessionId());
        payload.put("operator", held.operator().username());
        payload.put("target", held.target().targetName());
        payload.put("account", held.target().account());
        payload.put("channel", held.channel().label());
        payload.put("command", held.command());
        payload.put("waitSeconds", held.waitFor().toSeconds());
        held.ruleId().ifPresent(rule -> payload.put("rule", rule));
        String reason = held.reasons().isEmpty() ? "the command policy sends this command to review" : String.join("; ", held.reasons());
        String diff = held.operator().username() + " as " + held.target().account() + "@" + held.target().targetName() + " ("
                + held.channel().label() + ", session " + held.sessionId() + "):\n" + held.command();
        ChangeView change = access.actingAs(operator, () -> transactions.execute(status -> {
            ChangeView submitted = changes.submit(new ChangeDraft(KIND, held.sessionId(), "Command held on " + held.target().targetName()
                    + " for " + held.operator().username(), payload, diff, reason, tenant, false));
            holding.put(submitted.id(), operator);
            Map<String, Object> body = new LinkedHashMap<>(payload);
            body.put("request", submitted.id().toString());
            body.put("reasons", held.reasons());
            audit.record(new AuditEntry(null, "access.session.command.held", "access-session", held.sessionId(), tenant,
                    AuditEntry.Outcome.SUCCESS, Map.of("session", held.sessionId(), "change", submitted.id().toString()), body));
            return submitted;
        }));
        return change.id().toString();
    }

    @Override
    public Decision decision(String requestId) {
        UUID id = UUID.fromString(requestId);
        VigilPrincipal operator = holding.get(id);
        if (operator == null) {
            return new Decision(State.TIMED_OUT, "", "the gateway no longer holds this command");
        }
        return decisionOf(access.actingAs(operator, () -> changes.get(id)));
    }

    @Override
    public Decision giveUp(String requestId, String why) {
        UUID id = UUID.fromString(requestId);
        VigilPrincipal operator = holding.remove(id);
        if (operator == null) {
            return new Decision(State.TIMED_OUT, "", why);
        }
        ChangeView last = access.actingAs(operator, () -> {
            try {
                return changes.withdraw(id, why);
            } catch (ProblemException decidedMeanwhile) {
                return changes.get(id);
            }
        });
        Decision decision = decisionOf(last);
        return decision.state() == State.TIMED_OUT ? new Decision(State.TIMED_OUT, "", why) : decision;
    }

    private static Decision decisionOf(ChangeView change) {
        return switch (change.state()) {
            case "pending" -> new Decision(State.PENDING, "", "");
            case "applied" -> new Decision(State.ALLOWED, change.closedBy(), comment(change, "approve"));
            case "rejected" -> new Decision(State.DENIED, change.closedBy(), comment(change, "reject"));
            default -> new Decision(State.TIMED_OUT, "", "the request was " + change.state());
        };
    }

    private static String comment(ChangeView change, String decision) {
        List<ChangeView.Decision> decisions = change.decisions();
        return decisions.stream().filter(d -> d.decision().equals(decision)).map(ChangeView.Decision::comment).filter(c -> c != null && !c.isBlank())
                .findFirst().orElse("");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ApprovalPolicy policy(ChangeDraft draft) {
        // the request outlives the wait a little, so the gateway can withdraw it (an expired one cannot be withdrawn)
        Duration wait = Duration.ofSeconds(((Number) draft.payload().get("waitSeconds")).longValue());
        return new ApprovalPolicy(1, "access-request:approve", null, false, wait.plus(EXPIRY_GRACE));
    }

    /** The approval that decides it: the gateway must still hold the command. */
    @Override
    public Map<String, Object> apply(ChangeView change) {
        if (!holding.containsKey(change.id())) {
            throw ProblemException.conflict("not-held", "the gateway no longer holds this command (its wait ended or the session ended)");
        }
        return Map.of("allowed", true, "session", change.subject());
    }
}
