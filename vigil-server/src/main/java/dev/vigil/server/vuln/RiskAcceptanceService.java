package dev.vigil.server.vuln;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.internal.FindingLifecycle;
import dev.vigil.server.vuln.internal.FindingWriter;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting a finding's risk: the request (a reason and an end date at most a year away) becomes a change request that
 * someone else holding {@code change:approve} must approve; on approval the finding is {@code risk_accepted} until
 * that date (its SLA alert resolved), and when the date passes it returns to {@code triaged} by itself.
 */
@Service
public class RiskAcceptanceService implements ChangeKind {

    public static final String KIND = "vuln.risk-accept";
    static final Duration LONGEST = Duration.ofDays(366);
    private static final Duration PENDING_FOR = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final FindingService findings;
    private final FindingWriter writer;
    private final ChangeRequests changes;
    private final TenantScopes tenantScopes;
    private final TenantService tenants;
    private final AuditLog audit;
    private final Clock clock;

    RiskAcceptanceService(JdbcClient jdbc, FindingService findings, FindingWriter writer, @Lazy ChangeRequests changes,
            TenantScopes tenantScopes, TenantService tenants, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.writer = writer;
        this.changes = changes;
        this.tenantScopes = tenantScopes;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks for the acceptance; answers with the pending change request. */
    public ChangeView request(UUID findingId, String reason, Instant until) {
        FindingView finding = findings.get(findingId);
        tenantScopes.require("vuln", "update", finding.tenant());
        String why = reason == null ? "" : reason.replace("\u0000", "").strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "reason is required (at most 2000 characters): why the risk is acceptable");
        }
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
            throw ProblemException.badRequest("invalid-input", "until must be a time in the future, at most 366 days away");
        }
        requireAcceptable(finding);
        if (!changes.pendingFor(KIND, findingId.toString()).isEmpty()) {
            throw ProblemException.conflict("pending-change", "an acceptance of this finding's risk is already waiting for approval");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("finding", findingId.toString());
        payload.put("until", until.toString());
        payload.put("reason", why);
        String diff = "accept the risk of " + finding.vulnerabilityId() + " in " + finding.componentName()
                + " on " + finding.assetName() + " (" + finding.priority() + ", SSVC " + finding.ssvcDecision() + ", status "
                + finding.status() + ") until " + until;
        return changes.submit(new ChangeDraft(KIND, findingId.toString(), "Accept risk of " + finding.vulnerabilityId()
                + " on " + finding.assetName(), payload, diff, why, tenantId(finding.tenant()), false));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ApprovalPolicy policy(ChangeDraft draft) {
        return ApprovalPolicy.oneApprover(PENDING_FOR);
    }

    @Override
    public Map<String, Object> apply(ChangeView change) {
        UUID findingId = UUID.fromString((String) change.payload().get("finding"));
        Instant until = Instant.parse((String) change.payload().get("until"));
        if (!until.isAfter(clock.instant())) {
            throw ProblemException.conflict("expired", "the acceptance would already have ended (" + until + ")");
        }
        FindingView finding = findings.find(findingId);
        requireAcceptable(finding);
        List<String> approvers = change.decisions().stream().filter(d -> d.decision().equals("approve"))
                .map(ChangeView.Decision::username).toList();
        String reason = change.payload().get("reason") + " (approved by " + String.join(", ", approvers) + ")";
        writer.acceptRisk(findingId, finding.status(), until, reason, change.id(), String.join(", ", approvers));
        audit.record(AuditEntry.success("vuln.finding.risk-accepted", "vuln-finding", findingId, change.tenantId(),
                Map.of("until", until.toString(), "change", change.id().toString(), "approvers", approvers,
                        "vulnerability", finding.vulnerabilityId(), "asset", finding.assetId().toString())));
        return Map.of("finding", findingId.toString(), "status", "risk_accepted", "until", until.toString());
    }

    /** Accepted risks whose time is up go back to triage; returns how many. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    @Transactional
    public int expireDue() {
        List<UUID> due = jdbc.sql("""
                SELECT id FROM vuln_finding WHERE status = 'risk_accepted' AND risk_accepted_until <= ? FOR UPDATE SKIP LOCKED""")
                .param(java.sql.Timestamp.from(clock.instant())).query(UUID.class).list();
        for (UUID id : due) {
            writer.transition(id, "risk_accepted", "triaged", "the risk acceptance expired", "system:risk-acceptance");
            audit.record(AuditEntry.success("vuln.finding.risk-acceptance-expired", "vuln-finding", id, null, Map.of())
                    .by(Actor.systemJob("risk-acceptance")));
        }
        return due.size();
    }

    private static void requireAcceptable(FindingView finding) {
        if (!FindingLifecycle.ACCEPTABLE.contains(finding.status())) {
            throw ProblemException.conflict("invalid-transition", "the risk of a " + finding.status()
                    + " finding cannot be accepted; only of an open one (" + String.join(", ", FindingLifecycle.ACCEPTABLE) + ")");
        }
    }

    private UUID tenantId(String slug) {
        if (slug.equals(TenantService.RESERVED_SLUG)) {
            return null;
        }
        return tenants.all().stream().filter(t -> t.slug().equals(slug)).map(TenantView::id).findFirst().orElse(null);
    }
}
