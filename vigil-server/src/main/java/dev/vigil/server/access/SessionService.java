package dev.vigil.server.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import dev.vigil.bastion.recording.LiveTail;
import dev.vigil.server.access.internal.GatewayRunner;
import dev.vigil.server.access.internal.HeldCommandApprovals;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recorded bastion sessions: list, details with commands and file transfers, the asciicast recording, and kill of a live one. */
@Service
public class SessionService {

    private static final String SELECT = """
            SELECT id, connection_id, user_id, username, target_name, account, kind, command, pty, source_address, started_at, ended_at,
                   exit_status, exit_signal, terminated_by, recording_sha256, recording_bytes, recording_truncated, tenant_id,
                   procedure_execution_id FROM access_session""";

    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final GatewayRunner gateway;
    private final ChangeRequests changes;

    SessionService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, GatewayRunner gateway, @Lazy ChangeRequests changes) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.gateway = gateway;
        this.changes = changes;
    }

    /** The newest sessions first; {@code username} and {@code live} narrow the list. */
    public List<SessionView> list(String username, Boolean live, int limit, int offset) {
        return list(username, live, null, limit, offset);
    }

    /** As {@link #list(String, Boolean, int, int)}; {@code state} {@code live} or {@code ended} is another way to say {@code live}. */
    public List<SessionView> list(String username, Boolean live, String state, int limit, int offset) {
        VigilPrincipal caller = access.requireCurrent();
        if (limit < 1 || limit > 500 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-500 and offset at least 0");
        }
        if (state != null && !state.isBlank()) {
            if (!List.of("live", "ended").contains(state)) {
                throw ProblemException.badRequest("invalid-input", "state must be live or ended, not '" + state + "'");
            }
            if (live != null && live != state.equals("live")) {
                throw ProblemException.badRequest("invalid-input", "state=" + state + " contradicts live=" + live);
            }
            live = state.equals("live");
        }
        Set<String> runningIds = Set.copyOf(gateway.liveSessionIds());
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (username != null && !username.isBlank()) {
            where.append(" AND username = ?");
            params.add(username.strip());
        }
        if (live != null) {
            where.append(live ? " AND ended_at IS NULL" : " AND ended_at IS NOT NULL");
        }
        Boolean running = live;
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " ORDER BY started_at DESC LIMIT ? OFFSET ?").params(params)
                .query((rs, n) -> map(rs, runningIds)).list().stream().filter(s -> visible(caller, s))
                .filter(s -> running == null || s.live() == running).toList();
    }

    public SessionDetail get(UUID id) {
        SessionView session = find(id);
        List<SessionCommandView> commands = jdbc.sql("""
                        SELECT seq, at, offset_seconds, command, action, rule_id, reasons, review_request, review_outcome, review_decided_by,
                               review_comment, plan, plan_step FROM access_session_command WHERE session_id = ? ORDER BY seq""")
                .param(id).query((rs, n) -> {
                    String outcome = rs.getString("review_outcome");
                    SessionCommandView.Review review = outcome == null ? null : new SessionCommandView.Review(rs.getString("review_request"),
                            outcome, rs.getString("review_decided_by"), rs.getString("review_comment"));
                    return new SessionCommandView(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getString(4),
                            decision(rs.getString(5)), List.of("allow", "warn").contains(rs.getString(5)) || "allowed".equals(outcome),
                            rs.getString(6), List.of((String[]) rs.getArray(7).getArray()), review, rs.getString("plan"),
                            (Integer) rs.getObject("plan_step"));
                })
                .list();
        List<SessionTransferView> transfers = jdbc.sql("""
                        SELECT seq, at, operation, path, new_path, bytes, sha256, outcome FROM access_session_transfer WHERE session_id = ? ORDER BY seq""")
                .param(id).query((rs, n) -> new SessionTransferView(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)))
                .list();
        return new SessionDetail(session, commands, transfers);
    }

    private static String decision(String action) {
        return switch (action) {
            case "allow" -> "allowed";
            case "warn" -> "warned";
            case "deny" -> "denied";
            default -> "review";
        };
    }

    /** The asciicast v2 file (uncompressed); its SHA-256 is the one in the session and in the audit ledger. */
    @Transactional
    public byte[] recording(UUID id) {
        SessionView session = find(id);
        byte[] gzip = jdbc.sql("SELECT recording FROM access_session WHERE id = ?").param(id).query(byte[].class).optional().orElse(null);
        if (gzip == null) {
            throw ProblemException.conflict("no-recording", session.live() || session.endedAt() == null
                    ? "the session is still running; its recording is stored when it ends" : "the session has no recording");
        }
        audit.record(AuditEntry.success("access.session.replay", "access-session", id, null, Map.of("target", session.target())));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored recording cannot be read", e);
        }
    }

    /** What the session printed as plain text (escape sequences removed), for reading in the console. */
    @Transactional
    public String transcript(UUID id) {
        String[] lines = new String(recording(id), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        StringBuilder output = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            tools.jackson.databind.JsonNode event = JSON.readTree(lines[i]);
            if (event.isArray() && event.size() == 3 && "o".equals(event.get(1).asString())) {
                output.append(event.get(2).asString());
            }
        }
        return dev.vigil.bastion.recording.Transcript.plain(output.toString());
    }

    @Transactional
    public SessionView terminate(UUID id, String reason) {
        SessionView session = find(id);
        VigilPrincipal caller = access.require("bastion-session", "terminate", session.tenantId());
        String why = "terminated by " + caller.username() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (!gateway.terminate(id.toString(), why)) {
            throw ProblemException.conflict("not-live", "the session is not running");
        }
        audit.record(AuditEntry.success("access.session.terminate", "access-session", id, null,
                Map.of("user", session.username(), "target", session.target(), "reason", why)));
        return session;
    }

    /** The commands of the session held for review now (pending change requests of kind {@value HeldCommandApprovals#KIND}). */
    public List<ChangeView> heldCommands(UUID id) {
        find(id);
        return changes.pendingFor(HeldCommandApprovals.KIND, id.toString());
    }

    /**
     * Follows a live session's terminal output (asciicast lines: the header, the latest output, then each new event), for
     * holders of {@code bastion-session:monitor}; audited. 409 when the session is not running.
     */
    @Transactional
    public LiveTail.Viewer watch(UUID id) {
        SessionView session = find(id);
        VigilPrincipal caller = access.require("bastion-session", "monitor", session.tenantId());
        LiveTail.Viewer viewer = gateway.watch(id.toString())
                .orElseThrow(() -> ProblemException.conflict("not-live", "the session is not running; its recording is at /api/v1/sessions/"
                        + id + "/recording once it has ended"));
        audit.record(AuditEntry.success("access.session.watch", "access-session", id, session.tenantId(),
                Map.of("user", session.username(), "target", session.target(), "watcher", caller.username())));
        return viewer;
    }

    private SessionView find(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        Set<String> running = Set.copyOf(gateway.liveSessionIds());
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> map(rs, running)).optional()
                .filter(s -> visible(caller, s)).orElseThrow(() -> ProblemException.notFound("session", id));
    }

    /** Sessions on a tenant's targets are visible to readers of that tenant; the others to readers of everything. */
    private static boolean visible(VigilPrincipal caller, SessionView session) {
        return session.tenantId() == null ? caller.canEverywhere("bastion-session", "read") : caller.can("bastion-session", "read", session.tenantId());
    }

    private static SessionView map(ResultSet rs, Set<String> running) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        String id = rs.getString("id");
        return new SessionView(UUID.fromString(id), rs.getString("connection_id"), rs.getObject("user_id", UUID.class), rs.getString("username"),
                rs.getString("target_name"), rs.getString("account"), rs.getString("kind"), rs.getString("command"), rs.getBoolean("pty"),
                rs.getString("source_address"), rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                (Integer) rs.getObject("exit_status"), rs.getString("exit_signal"), rs.getString("terminated_by"), rs.getString("recording_sha256"),
                (Long) rs.getObject("recording_bytes"), (Boolean) rs.getObject("recording_truncated"), rs.getObject("tenant_id", UUID.class),
                running.contains(id), rs.getObject("procedure_execution_id", UUID.class));
    }
}
