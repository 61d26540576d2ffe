package dev.vigil.server.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.monitor.routing.MatcherParser;
import dev.vigil.monitor.routing.Silence;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silences (Alertmanager semantics: matchers on the alert's labels, see {@link AlertLabels}; at least one matcher that
 * does not match the empty value; a start, an end at most 90 days later, a creator and a comment). Expiring one keeps
 * it on record.
 */
@Service
public class SilenceService {

    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SilenceService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public List<SilenceView> list() {
        access.require("alert", "read", null);
        return jdbc.sql(SELECT + " ORDER BY ends_at DESC").query(this::map).list();
    }

    @Transactional
    public SilenceView create(List<String> matchers, Instant startsAt, Instant endsAt, String comment) {
        String creator = access.require("alert", "update", null).username();
        Instant start = startsAt == null ? clock.instant() : startsAt;
        if (endsAt == null || Duration.between(start, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw ProblemException.badRequest("invalid-silence", "endsAt is required and at most " + MAX_LENGTH.toDays() + " days after startsAt");
        }
        String text = String.join(", ", matchers == null ? List.of() : matchers);
        try {
            new Silence(MatcherParser.parseAll(text), start, endsAt, creator, comment);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-silence", e.getMessage());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO alert_silence (id, matchers, starts_at, ends_at, created_by, comment) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, text, Timestamp.from(start), Timestamp.from(endsAt), creator, comment.trim()).update();
        audit.record(AuditEntry.success("silence.create", "silence", id, null, Map.of("matchers", text, "startsAt", start.toString(),
                "endsAt", endsAt.toString(), "comment", comment.trim())));
        return get(id);
    }

    @Transactional
    public SilenceView expire(UUID id) {
        String who = access.require("alert", "update", null).username();
        SilenceView silence = get(id);
        if (!silence.state().equals("active") && !silence.state().equals("pending")) {
            throw ProblemException.conflict("not-active", "silence " + id + " is " + silence.state());
        }
        jdbc.sql("UPDATE alert_silence SET expired_by = ?, expired_at = now() WHERE id = ?").params(who, id).update();
        audit.record(AuditEntry.success("silence.expire", "silence", id, null, Map.of("matchers", String.join(", ", silence.matchers()))));
        events.publishEvent(new SilenceEnded(id));
        return get(id);
    }

    /** The first active silence that covers the alert, if any. */
    public Optional<SilenceView> silencing(AlertView alert) {
        return active().covering(alert);
    }

    /** The silences active now, to ask about many alerts with one query. */
    public ActiveSilences active() {
        Instant now = clock.instant();
        List<ActiveSilences.Entry> active = jdbc.sql(SELECT + " WHERE expired_at IS NULL AND starts_at <= ? AND ends_at > ?")
                .params(Timestamp.from(now), Timestamp.from(now)).query(this::map).list().stream()
                .map(view -> new ActiveSilences.Entry(view, new Silence(MatcherParser.parseAll(String.join(", ", view.matchers())),
                        view.startsAt(), view.endsAt(), view.createdBy(), view.comment())))
                .toList();
        return new ActiveSilences(active, now);
    }

    private SilenceView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("silence", id));
    }

    private static final String SELECT = """
            SELECT id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_by, expired_at FROM alert_silence""";

    private SilenceView map(ResultSet rs, int n) throws SQLException {
        Instant start = rs.getTimestamp(3).toInstant();
        Instant end = rs.getTimestamp(4).toInstant();
        Timestamp expired = rs.getTimestamp(9);
        Instant now = clock.instant();
        String state = expired != null || !now.isBefore(end) ? "expired" : now.isBefore(start) ? "pending" : "active";
        return new SilenceView(rs.getObject(1, UUID.class), MatcherParser.parseAll(rs.getString(2)).stream().map(Object::toString).toList(),
                start, end, rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                expired == null ? null : expired.toInstant(), state);
    }
}
