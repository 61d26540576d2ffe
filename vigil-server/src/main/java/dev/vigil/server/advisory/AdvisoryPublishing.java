package dev.vigil.server.advisory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.advisory.internal.ProviderLayout;
import dev.vigil.server.approval.ApprovalPolicy;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeKind;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code advisory.publish} change: once someone other than the requester approves, the release is built from the
 * draft as it was when requested (refused if the draft or the published version changed since), checked again with
 * the mandatory tests, stored with its revision history and served; the tenants whose assets run an affected version
 * get a notice.
 */
@Component
class AdvisoryPublishing implements ChangeKind {

    static final String KIND = "advisory.publish";
    private static final Duration PENDING_FOR = Duration.ofDays(14);

    private final AdvisoryService advisories;
    private final AdvisoryNotifier notifier;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    AdvisoryPublishing(AdvisoryService advisories, AdvisoryNotifier notifier, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.advisories = advisories;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
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
        UUID id = UUID.fromString((String) change.payload().get("advisory"));
        int base = ((Number) change.payload().get("base_version")).intValue();
        AdvisoryView advisory = advisories.find(id);
        if (advisory.publishedVersion() != base) {
            throw ProblemException.conflict("stale-version", "version " + advisory.publishedVersion() + " of "
                    + advisory.trackingId() + " was published after this request; ask again");
        }
        if (!AdvisoryService.sha256(AdvisoryService.pretty(advisory.draft())).equals(change.payload().get("draft_sha256"))) {
            throw ProblemException.conflict("draft-changed", "the draft of " + advisory.trackingId()
                    + " was edited after this request; ask again so that the approver sees what is published");
        }
        Instant now = clock.instant();
        String summary = (String) change.payload().get("summary");
        ObjectNode release = advisories.nextRelease(advisory, summary, now);
        advisories.requireValid(release);
        int version = base + 1;
        Instant initial = Instant.parse(release.path("document").path("tracking").path("initial_release_date").asString());
        String path = ProviderLayout.path(advisory.tlp(), advisory.trackingId(), initial);
        List<String> approvers = change.decisions().stream().filter(d -> d.decision().equals("approve"))
                .map(ChangeView.Decision::username).toList();
        String document = AdvisoryService.pretty(release);
        jdbc.sql("""
                INSERT INTO csaf_advisory_release (advisory_id, version, document, tlp, file_path, requested_by, approved_by,
                                                   change_id, released_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, document, advisory.tlp(), path == null ? "" : path, change.requester(),
                        String.join(", ", approvers), change.id(), Timestamp.from(now)).update();
        jdbc.sql("UPDATE csaf_advisory SET published_version = ?, updated_at = ? WHERE id = ?")
                .params(version, Timestamp.from(now), id).update();
        List<String> notified = notifier.notifyAffected(advisory, release, version, path);
        jdbc.sql("UPDATE csaf_advisory_release SET notified = ? WHERE advisory_id = ? AND version = ?")
                .params(notified.toArray(String[]::new), id, version).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tracking_id", advisory.trackingId());
        body.put("version", version);
        body.put("tlp", advisory.tlp());
        body.put("change", change.id().toString());
        body.put("approvers", approvers);
        body.put("sha256", AdvisoryService.sha256(document));
        body.put("notified_tenants", notified);
        audit.record(AuditEntry.success("advisory.published", "csaf-advisory", id, null, body));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("advisory", id.toString());
        result.put("tracking_id", advisory.trackingId());
        result.put("version", version);
        result.put("notified_tenants", notified);
        if (path != null) {
            result.put("path", "/.well-known/csaf/" + path);
        }
        return result;
    }
}
