package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.vigil.server.access.SessionCommandView;
import dev.vigil.server.access.SessionDetail;
import dev.vigil.server.access.SessionService;
import dev.vigil.server.access.SessionView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bastion sessions linked to an incident (what was done on the affected systems during the response, or by the
 * attacker through a stolen grant): linking one by id, and the session's start, commands and end as timeline entries
 * that point to its recording. Session details are read with the caller's bastion-session permission; a linked session
 * the caller may not read shows only that it was linked.
 */
@Service
public class IncidentSessions {

    static final int MAX_COMMANDS_IN_TIMELINE = 500;

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final SessionService sessions;
    private final AuditLog audit;

    IncidentSessions(JdbcClient jdbc, IncidentStore store, SessionService sessions, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A linked session; {@code session} and {@code commands} are null when the caller may not read it. */
    public record LinkedSession(UUID sessionId, String linkedBy, Instant linkedAt, SessionView session, Integer commands,
                                String recording) {
    }

    @Transactional
    public LinkedSession link(UUID incidentId, UUID sessionId) {
        IncidentRow incident = store.lock(incidentId, "update");
        if (sessionId == null) {
            throw ProblemException.badRequest("invalid-input", "sessionId is required");
        }
        SessionView session = sessions.get(sessionId).session();
        UUID tenantId = store.tenantId(incident.tenant());
        if (session.tenantId() != null && !Objects.equals(session.tenantId(), tenantId)) {
            throw ProblemException.badRequest("tenant-mismatch", "session " + sessionId + " ran on a target of another tenant than "
                    + incident.ref() + " (" + incident.tenant() + ")");
        }
        String who = store.caller();
        int rows = jdbc.sql("""
                INSERT INTO incident_session (incident_id, session_id, linked_by, linked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(incidentId, sessionId, who, Timestamp.from(store.now())).update();
        if (rows == 0) {
            throw ProblemException.conflict("session-linked", "session " + sessionId + " is already linked to " + incident.ref());
        }
        store.note(incidentId, "session", who, "Bastion session linked: " + describe(session));
        audit.record(AuditEntry.success("incident.session.link", "incident", incidentId, tenantId,
                Map.of("session", sessionId.toString(), "user", session.username(), "target", session.target())));
        return linked(incidentId).stream().filter(l -> l.sessionId().equals(sessionId)).findFirst().orElseThrow();
    }

    /**
     * Links a session a playbook step of this incident ran itself (the run made it, so reading sessions is not needed);
     * linking it again (a resumed run) changes nothing.
     */
    @Transactional
    public void linkRunSession(UUID incidentId, UUID sessionId, String what) {
        IncidentRow incident = store.read(incidentId);
        String who = store.caller();
        int rows = jdbc.sql("""
                INSERT INTO incident_session (incident_id, session_id, linked_by, linked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(incidentId, sessionId, who, Timestamp.from(store.now())).update();
        if (rows == 1) {
            store.note(incidentId, "session", who, "Bastion session linked: " + what);
            audit.record(AuditEntry.success("incident.session.link", "incident", incidentId, store.tenantId(incident.tenant()),
                    Map.of("session", sessionId.toString(), "by", "playbook")));
        }
    }

    public List<LinkedSession> linked(UUID incidentId) {
        store.read(incidentId);
        return links(incidentId).stream().map(link -> {
            try {
                SessionDetail detail = sessions.get(link.sessionId());
                return new LinkedSession(link.sessionId(), link.linkedBy(), link.linkedAt(), detail.session(), detail.commands().size(),
                        recording(link.sessionId()));
            } catch (ProblemException notReadable) {
                return new LinkedSession(link.sessionId(), link.linkedBy(), link.linkedAt(), null, null, null);
            }
        }).toList();
    }

    /** The start, commands and end of each linked session the caller may read. */
    List<IncidentView.TimelineEntry> timeline(UUID incidentId) {
        List<IncidentView.TimelineEntry> entries = new ArrayList<>();
        for (Link link : links(incidentId)) {
            SessionDetail detail;
            try {
                detail = sessions.get(link.sessionId());
            } catch (ProblemException notReadable) {
                continue;
            }
            SessionView session = detail.session();
            Map<String, String> links = Map.of("api", recording(session.id()), "console", "/bastion/sessions/" + session.id());
            entries.add(new IncidentView.TimelineEntry(session.startedAt(), "session", session.username(),
                    "Bastion session started: " + describe(session), links));
            detail.commands().stream().limit(MAX_COMMANDS_IN_TIMELINE).forEach(command -> entries.add(new IncidentView.TimelineEntry(
                    command.at(), "session", session.username(), "On " + session.target() + " as " + session.account() + ": "
                    + command.command(), links)));
            if (detail.commands().size() > MAX_COMMANDS_IN_TIMELINE) {
                SessionCommandView last = detail.commands().get(detail.commands().size() - 1);
                entries.add(new IncidentView.TimelineEntry(last.at(), "session", session.username(), (detail.commands().size()
                        - MAX_COMMANDS_IN_TIMELINE) + " more command(s) in the session; see its recording", links));
            }
            if (session.endedAt() != null) {
                entries.add(new IncidentView.TimelineEntry(session.endedAt(), "session", session.username(),
                        "Bastion session ended on " + session.target() + ended(session), links));
            }
        }
        return entries;
    }

    private record Link(UUID sessionId, String linkedBy, Instant linkedAt) {
    }

    private List<Link> links(UUID incidentId) {
        return jdbc.sql("SELECT session_id, linked_by, linked_at FROM incident_session WHERE incident_id = ? ORDER BY linked_at")
                .param(incidentId).query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    private static String recording(UUID sessionId) {
        return "/api/v1/sessions/" + sessionId + "/recording";
    }

    private static String describe(SessionView session) {
        return session.username() + " on " + session.target() + " as " + session.account() + " (" + session.kind()
                + (session.command() == null ? "" : ": " + session.command()) + ") from " + session.sourceAddress()
                + " at " + session.startedAt();
    }

    private static String ended(SessionView session) {
        String how = session.exitStatus() != null ? " with exit status " + session.exitStatus()
                : session.exitSignal() != null ? " by signal " + session.exitSignal() : "";
        String by = session.terminatedBy() == null ? "" : ", terminated by " + session.terminatedBy();
        String recording = session.recordingBytes() == null ? "" : "; recording " + session.recordingBytes() + " bytes, SHA-256 "
                + session.recordingSha256();
        return how + by + recording;
    }
}
