package dev.vigil.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Just-in-time access: an operator asks for an account on a target, for a purpose and a time window; the request is a
 * change request that {@code vigil.access.request-approvals} people holding {@code access-request:approve} (never the
 * requester) must approve, plus an authorizer of the target's tenant when the target holds a tenant's data. Approval
 * creates a grant limited to that window, which ends by itself. Break-glass applies at once, raises a critical alert
 * and leaves the change waiting for its mandatory review.
 */
@Service
public class AccessRequestService implements ChangeKind {

    public static final String KIND = "access.request";
    static final Duration LONGEST = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final GrantService grants;
    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final AlertIntake alerts;
    private final Clock clock;
    private final int approvals;

    AccessRequestService(JdbcClient jdbc, GrantService grants, @Lazy ChangeRequests changes, AccessPolicy access,
            AlertIntake alerts, Clock clock, VigilProperties properties) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.changes = changes;
        this.access = access;
        this.alerts = alerts;
        this.clock = clock;
        this.approvals = properties.access().requestApprovals();
    }

    /** What an operator asks for; {@code from} defaults to now, channels to shell and exec. */
    public record AccessRequest(String target, String account, List<String> channels, Instant from, Instant until,
                                String purpose, Boolean breakGlass) {

        boolean emergency() {
            return Boolean.TRUE.equals(breakGlass);
        }
    }

    private record Target(UUID id, String name, UUID tenantId) {
    }

    public ChangeView request(AccessRequest request) {
        VigilPrincipal requester = access.require("access-request", "create", null);
        Target target = jdbc.sql("SELECT id, name, tenant_id FROM access_target WHERE name = ?")
                .param(request.target() == null ? "" : request.target().strip())
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class))).optional()
                .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no target named '" + request.target() + "'"));
        String account = TargetService.requireName(request.account(), "account");
        boolean accountExists = jdbc.sql("SELECT count(*) FROM access_target_account WHERE target_id = ? AND name = ?")
                .params(target.id(), account).query(Long.class).single() > 0;
        if (!accountExists) {
            throw ProblemException.badRequest("invalid-input", "target " + target.name() + " has no account '" + account + "'");
        }
        List<String> channels = request.channels() == null || request.channels().isEmpty() ? GrantService.DEFAULT_CHANNELS
                : request.channels().stream().distinct().toList();
        if (!GrantService.CHANNELS.containsAll(channels)) {
            throw ProblemException.badRequest("invalid-input", "channels may be " + String.join(", ", GrantService.CHANNELS));
        }
        Instant now = clock.instant();
        Instant from = request.from() == null ? now : request.from();
        Instant until = request.until();
        if (until == null || !until.isAfter(from) || !until.isAfter(now) || Duration.between(from, until).compareTo(LONGEST) > 0) {
            throw ProblemException.badRequest("invalid-input", "until is required, in the future, after from, and at most 7 days after it");
        }
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty() || purpose.length() > 500) {
            throw ProblemException.badRequest("invalid-input", "purpose is required (at most 500 characters): what the access is for");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", requester.userId().toString());
        payload.put("username", requester.username());
        payload.put("targetId", target.id().toString());
        payload.put("target", target.name());
        payload.put("account", account);
        payload.put("channels", channels);
        payload.put("from", from.toString());
        payload.put("until", until.toString());
        payload.put("purpose", purpose);
        String diff = (request.emergency() ? "BREAK-GLASS " : "") + "grant " + requester.username() + " " + String.join("+", channels)
                + " as " + account + " on " + target.name() + " from " + from + " until " + until;
        return changes.submit(new ChangeDraft(KIND, target.id().toString(), (request.emergency() ? "Break-glass access " : "Access ")
                + "to " + account + "@" + target.name() + " for " + requester.username(), payload, diff, purpose, target.tenantId(),
                request.emergency()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ApprovalPolicy policy(ChangeDraft draft) {
        Instant until = Instant.parse((String) draft.payload().get("until"));
        Duration open = Duration.between(clock.instant(), until);
        return new ApprovalPolicy(approvals, "access-request:approve", null, draft.tenantId() != null,
                open.isNegative() || open.isZero() ? Duration.ofMinutes(1) : open);
    }

    @Override
    public Map<String, Object> apply(ChangeView change) {
        Map<String, Object> p = change.payload();
        Instant until = Instant.parse((String) p.get("until"));
        if (!until.isAfter(clock.instant())) {
            throw ProblemException.conflict("expired", "the requested window ended at " + until);
        }
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) p.get("channels");
        String decidedBy = change.emergency() ? "break-glass:" + p.get("username")
                : "access-request:" + String.join(",", change.decisions().stream().filter(d -> d.decision().equals("approve"))
                        .map(ChangeView.Decision::username).toList());
        GrantView grant = grants.grantDecided(UUID.fromString((String) p.get("userId")), (String) p.get("username"),
                UUID.fromString((String) p.get("targetId")), (String) p.get("account"), channels, Instant.parse((String) p.get("from")),
                until, "access request " + change.id() + ": " + p.get("purpose"), decidedBy);
        if (change.emergency()) {
            alerts.raise(new AlertDraft("platform", "bastion", "break-glass:" + change.id(),
                    "Break-glass access to " + p.get("account") + "@" + p.get("target") + " by " + p.get("username"), "vigil",
                    AlertSeverity.CRITICAL, "bastion-break-glass:" + change.id(), Duration.ofDays(1),
                    Map.of("user.name", (String) p.get("username"), "host.name", (String) p.get("target")), List.of(),
                    "Access was granted without approval until " + until + " for: " + p.get("purpose")
                            + ". The change " + change.id() + " must be reviewed.", clock.instant(), 1));
        }
        return Map.of("grant", grant.id().toString(), "validUntil", until.toString());
    }
}
