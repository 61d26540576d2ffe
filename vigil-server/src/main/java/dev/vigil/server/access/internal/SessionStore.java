package dev.vigil.server.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.vigil.bastion.gateway.ChannelKind;
import dev.vigil.bastion.gateway.ChannelRequest;
import dev.vigil.bastion.gateway.CommandReview;
import dev.vigil.bastion.gateway.RecordedCommand;
import dev.vigil.bastion.gateway.SessionClosed;
import dev.vigil.bastion.gateway.SessionOpened;
import dev.vigil.bastion.gateway.SessionSink;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.bastion.transfer.FileOperation;
import dev.vigil.bastion.transfer.FileTransfer;
import dev.vigil.server.access.ProcedureSessions;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what the gateway reports and writes the audit trail: session start and end (with the recording's SHA-256, so
 * the ledger vouches for the recording), every command (with how its review ended, if it was held), every file transfer
 * (with its SHA-256), every refusal; each command also goes to the event path ({@link CommandEvents}); a changed target
 * host key raises an alert.
 */
@Component
public class SessionStore implements SessionSink {

    private static final java.util.Set<String> FORWARDING = java.util.Set.of(ChannelKind.PORT_FORWARD.label(), ChannelKind.AGENT_FORWARD.label(),
            ChannelKind.REMOTE_FORWARD.label());

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AlertIntake alerts;
    private final Clock clock;
    private final CommandEvents events;
    private final ProcedureSessions procedures;

    SessionStore(JdbcClient jdbc, AuditLog audit, AlertIntake alerts, Clock clock, CommandEvents events, ProcedureSessions procedures) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
        this.events = events;
        this.procedures = procedures;
    }

    @Override
    @Transactional
    public void opened(SessionOpened session) {
        UUID id = UUID.fromString(session.sessionId());
        UUID targetId = UUID.fromString(session.target().targetId());
        UUID tenant = jdbc.sql("SELECT tenant_id FROM access_target WHERE id = ?").param(targetId).query(UUID.class).optional().orElse(null);
        jdbc.sql("""
                INSERT INTO access_session (id, connection_id, user_id, username, target_id, target_name, account, grant_id, tenant_id, kind,
                                            command, pty, source_address, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, session.connectionId(), UUID.fromString(session.operator().id()), session.operator().username(), targetId,
                        session.target().targetName(), session.target().account(),
                        session.target().grantId() == null ? null : UUID.fromString(session.target().grantId()), tenant,
                        session.kind().label(), session.command().orElse(null), session.pty(), session.sourceAddress(),
                        Timestamp.from(session.startedAt()))
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", session.target().targetName());
        body.put("account", session.target().account());
        body.put("channel", session.kind().label());
        body.put("pty", session.pty());
        body.put("grant", session.target().grantId() == null ? "none (a command template run by the server)" : session.target().grantId());
        body.put("connection", session.connectionId());
        session.command().ifPresent(command -> body.put("command", command));
        audit.record(new AuditEntry(actor(session), "access.session.start", "access-session", id.toString(), tenant, AuditEntry.Outcome.SUCCESS,
                Map.of("session", id.toString()), body));
        procedures.bind(id, UUID.fromString(session.operator().id()), targetId, session.startedAt(), actor(session));
    }

    @Override
    @Transactional
    public void command(String sessionId, RecordedCommand command) {
        UUID id = UUID.fromString(sessionId);
        Map<String, Object> session = jdbc.sql("SELECT user_id, username, source_address, target_name, account, tenant_id FROM access_session WHERE id = ?")
                .param(id).query().singleRow();
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM access_session_command WHERE session_id = ?").param(id).query(Integer.class).single();
        CommandReview review = command.review().orElse(null);
        jdbc.sql("""
                INSERT INTO access_session_command (session_id, seq, at, offset_seconds, command, action, rule_id, reasons, review_request,
                                                    review_outcome, review_decided_by, review_comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, seq, Timestamp.from(command.at()), command.offsetSeconds(), command.text(), command.action().label(),
                        command.ruleId().orElse(null), command.reasons().toArray(String[]::new),
                        review == null || review.requestId().isEmpty() ? null : UUID.fromString(review.requestId()),
                        review == null ? null : review.outcome().label(), review == null ? null : review.decidedBy(),
                        review == null ? null : review.comment())
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", seq);
        body.put("command", command.text());
        body.put("target", session.get("target_name"));
        body.put("account", session.get("account"));
        body.put("decision", command.action().label());
        command.ruleId().ifPresent(rule -> body.put("rule", rule));
        if (!command.reasons().isEmpty()) {
            body.put("reasons", command.reasons());
        }
        if (review != null) {
            body.put("review", review.outcome().label());
            body.put("reviewRequest", review.requestId());
            body.put("reviewDecidedBy", review.decidedBy());
            body.put("reviewComment", review.comment());
        }
        audit.record(new AuditEntry(actor(session), command.ran() ? "access.session.command" : "access.session.command.refused", "access-session",
                sessionId, (UUID) session.get("tenant_id"), command.ran() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED,
                Map.of("session", sessionId), body));
        procedures.check(id, seq, command.text(), command.ran(), actor(session));
        events.publish(sessionId, session, command);
    }

    @Override
    @Transactional
    public void transfer(String sessionId, FileTransfer transfer) {
        UUID id = UUID.fromString(sessionId);
        Map<String, Object> session = jdbc.sql("SELECT user_id, username, source_address, target_name, account, tenant_id FROM access_session WHERE id = ?")
                .param(id).query().singleRow();
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM access_session_transfer WHERE session_id = ?").param(id).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO access_session_transfer (session_id, seq, at, operation, path, new_path, bytes, sha256, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, seq, Timestamp.from(transfer.at()), transfer.operation().label(), transfer.path(), transfer.newPath().orElse(null),
                        transfer.bytes(), transfer.sha256().orElse(null), transfer.outcome())
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", seq);
        body.put("operation", transfer.operation().label());
        body.put("path", transfer.path());
        transfer.newPath().ifPresent(to -> body.put("newPath", to));
        if (transfer.operation() == FileOperation.UPLOAD || transfer.operation() == FileOperation.DOWNLOAD) {
            body.put("bytes", transfer.bytes());
            body.put("sha256", transfer.sha256().orElse("none"));
        }
        body.put("outcome", transfer.outcome());
        body.put("target", session.get("target_name"));
        body.put("account", session.get("account"));
        audit.record(new AuditEntry(actor(session), "access.session.transfer", "access-session", sessionId, (UUID) session.get("tenant_id"),
                transfer.succeeded() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, Map.of("session", sessionId), body));
    }

    @Override
    @Transactional
    public void closed(String sessionId, SessionClosed outcome) {
        UUID id = UUID.fromString(sessionId);
        jdbc.sql("""
                UPDATE access_session SET ended_at = ?, exit_status = ?, exit_signal = ?, terminated_by = ?, recording = ?, recording_sha256 = ?,
                       recording_bytes = ?, recording_truncated = ?, input_recording = ? WHERE id = ?""")
                .params(Timestamp.from(outcome.endedAt()), outcome.exitStatus(), outcome.exitSignal(), outcome.terminatedBy(),
                        outcome.recording().castGzip(), outcome.recording().sha256(), outcome.recording().castBytes(),
                        outcome.recording().truncated(), outcome.recording().inputGzip(), id)
                .update();
        Map<String, Object> session = jdbc.sql("SELECT user_id, username, source_address, target_name, account, tenant_id, started_at, kind, command FROM access_session WHERE id = ?")
                .param(id).query().singleRow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", session.get("target_name"));
        body.put("account", session.get("account"));
        body.put("exitStatus", outcome.exitStatus() == null ? "none" : outcome.exitStatus());
        body.put("exitSignal", outcome.exitSignal() == null ? "none" : outcome.exitSignal());
        body.put("terminatedBy", outcome.terminatedBy() == null ? "none" : outcome.terminatedBy());
        body.put("durationSeconds", Duration.between(((Timestamp) session.get("started_at")).toInstant(), outcome.endedAt()).toSeconds());
        body.put("recordingSha256", outcome.recording().sha256());
        body.put("recordingBytes", outcome.recording().castBytes());
        body.put("recordingTruncated", outcome.recording().truncated());
        if (FORWARDING.contains(session.get("kind"))) {
            // forward: the destination; agent-forward: the session it serves; remote-forward: the listener, or the listener and the originator
            body.put(ChannelKind.PORT_FORWARD.label().equals(session.get("kind")) ? "destination" : "forwarded", session.get("command"));
            body.put("bytesToTarget", outcome.bytesToTarget());
            body.put("bytesFromTarget", outcome.bytesFromTarget());
        }
        audit.record(new AuditEntry(actor(session), "access.session.end", "access-session", sessionId, (UUID) session.get("tenant_id"),
                AuditEntry.Outcome.SUCCESS, Map.of("session", sessionId), body));
    }

    @Override
    public void refused(ChannelRequest request, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", request.address().toString());
        body.put("channel", request.kind().label());
        body.put("reason", reason);
        request.command().ifPresent(command -> body.put("command", command));
        audit.recordIndependently(new AuditEntry(new Actor("user", request.operator().id(), request.operator().username(), request.sourceAddress()),
                "access.session.refused", "access-target", request.address().target().orElse(""), null, AuditEntry.Outcome.DENIED, Map.of(), body));
    }

    @Override
    @Transactional
    public void hostKeyChanged(UpstreamTarget target, String presentedFingerprint) {
        audit.record(new AuditEntry(Actor.systemJob("bastion-gateway"), "access.target.host-key-changed", "access-target", target.targetId(), null,
                AuditEntry.Outcome.FAILURE, Map.of(), Map.of("target", target.targetName(), "presented", presentedFingerprint)));
        alerts.raise(new AlertDraft("platform", "bastion", "host-key-changed:" + target.targetId(),
                "Host key of bastion target " + target.targetName() + " changed", "vigil", AlertSeverity.HIGH,
                "bastion-host-key:" + target.targetId() + ":" + presentedFingerprint, Duration.ofHours(24),
                Map.of("host.name", target.targetName()), null,
                "The target presented " + presentedFingerprint + " instead of its pinned key; the bastion refused to connect. "
                        + "Check the host; if the change is legitimate, confirm the new key (POST /api/v1/access/targets/{id}/host-key/confirm).",
                clock.instant(), 1));
    }

    private static Actor actor(SessionOpened session) {
        return new Actor("user", session.operator().id(), session.operator().username(), session.sourceAddress());
    }

    private static Actor actor(Map<String, Object> session) {
        return new Actor("user", session.get("user_id").toString(), (String) session.get("username"), (String) session.get("source_address"));
    }
}
