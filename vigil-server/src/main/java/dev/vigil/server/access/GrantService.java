package dev.vigil.server.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.GroupService;
import dev.vigil.server.identity.GroupView;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.UserView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants: (user or group) × (target or target group) × account × channels × time window. The gateway asks on every
 * channel open; revoking a grant stops new channels at once.
 */
@Service
public class GrantService {

    /**
     * Channels a grant, an access request or a procedure execution may allow: {@code sftp} (also default scp),
     * {@code scp} (legacy {@code scp -O}) and {@code forward} (local port forwarding) are separate from {@code shell}
     * and {@code exec}. X11 forwarding is refused by the gateway whatever a grant says.
     */
    static final List<String> CHANNELS = List.of("shell", "exec", "sftp", "scp", "forward");
    /**
     * Channels only an administrator's grant allows, never by default: {@code agent-forward} (the target may use the
     * operator's agent to sign as them) and {@code remote-forward} (a listener on the target into the operator's network,
     * only on the grant's binds).
     */
    static final List<String> GRANT_ONLY_CHANNELS = List.of("agent-forward", "remote-forward");
    /** What a grant or an access request allows when it names no channels. */
    static final List<String> DEFAULT_CHANNELS = List.of("shell", "exec");
    private static final Duration LONGEST = Duration.ofDays(366);
    static final String SELECT = """
            SELECT g.id, g.subject_kind, g.subject_name, g.target_id, t.name AS target_name, g.target_group, g.account, g.channels,
                   g.valid_from, g.valid_until, g.reason, g.created_by, g.created_at, g.revoked_at, g.destinations, g.binds
            FROM access_grant g LEFT JOIN access_target t ON t.id = g.target_id""";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final UserService users;
    private final GroupService groups;
    private final Clock clock;

    GrantService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, UserService users, GroupService groups, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    public List<GrantView> list() {
        access.require("bastion-target", "read", null);
        return jdbc.sql(SELECT + " ORDER BY g.created_at DESC").query(this::map).list();
    }

    public GrantView get(UUID id) {
        access.require("bastion-target", "read", null);
        return find(id);
    }

    private GrantView find(UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(this::map).optional().orElseThrow(() -> ProblemException.notFound("grant", id));
    }

    @Transactional
    public GrantView create(GrantChange change) {
        access.require("bastion-target", "update", null);
        String subject = change.subject() == null ? "" : change.subject().strip();
        String kind;
        UUID subjectId;
        String subjectName;
        if (subject.startsWith("user:")) {
            UserView user = users.byUsername(subject.substring(5));
            kind = "user";
            subjectId = user.id();
            subjectName = user.username();
        } else if (subject.startsWith("group:")) {
            String name = subject.substring(6);
            GroupView group = groups.list().stream().filter(g -> g.name().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no group named '" + name + "'"));
            kind = "group";
            subjectId = group.id();
            subjectName = group.name();
        } else {
            throw ProblemException.badRequest("invalid-input", "subject must be user:<username> or group:<name>");
        }
        boolean byTarget = change.target() != null && !change.target().isBlank();
        boolean byGroup = change.targetGroup() != null && !change.targetGroup().isBlank();
        if (byTarget == byGroup) {
            throw ProblemException.badRequest("invalid-input", "name exactly one of target and targetGroup");
        }
        UUID targetId = null;
        if (byTarget) {
            targetId = jdbc.sql("SELECT id FROM access_target WHERE name = ?").param(change.target().strip()).query(UUID.class).optional()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "no target named '" + change.target().strip() + "'"));
        }
        String targetGroup = byGroup ? TargetService.requireName(change.targetGroup(), "targetGroup") : null;
        String account = TargetService.requireName(change.account(), "account");
        List<String> channels = change.channels() == null || change.channels().isEmpty() ? DEFAULT_CHANNELS
                : change.channels().stream().distinct().toList();
        for (String channel : channels) {
            if (!CHANNELS.contains(channel) && !GRANT_ONLY_CHANNELS.contains(channel)) {
                throw ProblemException.badRequest("invalid-input", "channel '" + channel + "' cannot be granted; the gateway supports "
                        + String.join(", ", CHANNELS) + ", " + String.join(", ", GRANT_ONLY_CHANNELS) + " (X11 forwarding is always refused)");
            }
        }
        List<String> destinations = ForwardDestinations.parse(change.destinations(), channels.contains("forward"));
        List<String> binds = RemoteForwardBinds.parse(change.binds(), channels.contains("remote-forward"));
        Instant from = change.validFrom() == null ? clock.instant() : change.validFrom();
        Instant until = change.validUntil();
        if (until == null || !until.isAfter(from) || Duration.between(from, until).compareTo(LONGEST) > 0) {
            throw ProblemException.badRequest("invalid-input", "validUntil is required, after validFrom, and at most 366 days later");
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        return insert(kind, subjectId, subjectName, targetId, targetGroup, account, channels, destinations, binds, from, until, reason,
                access.requireCurrent().username());
    }

    /**
     * Records a grant of one user to one target that was decided elsewhere (an approved access request): the decision
     * carries the authority, so no administrator permission is checked here.
     */
    GrantView grantDecided(UUID userId, String username, UUID targetId, String account, List<String> channels, Instant from,
            Instant until, String reason, String decidedBy) {
        return insert("user", userId, username, targetId, null, account, channels, List.of(), List.of(), from, until, reason, decidedBy);
    }

    private GrantView insert(String kind, UUID subjectId, String subjectName, UUID targetId, String targetGroup, String account,
            List<String> channels, List<String> destinations, List<String> binds, Instant from, Instant until, String reason, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO access_grant (id, subject_kind, subject_id, subject_name, target_id, target_group, account, channels,
                                          valid_from, valid_until, reason, created_by, destinations, binds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind, subjectId, subjectName, targetId, targetGroup, account, channels.toArray(String[]::new),
                        Timestamp.from(from), Timestamp.from(until), reason.length() > 500 ? reason.substring(0, 500) : reason, by,
                        destinations.toArray(String[]::new), binds.toArray(String[]::new))
                .update();
        GrantView created = find(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", created.subject());
        body.put("target", targetId != null ? created.targetName() : "group:" + targetGroup);
        body.put("account", account);
        body.put("channels", channels);
        if (!destinations.isEmpty()) {
            body.put("destinations", destinations);
        }
        if (!binds.isEmpty()) {
            body.put("binds", binds);
        }
        body.put("validFrom", from.toString());
        body.put("validUntil", until.toString());
        audit.record(AuditEntry.success("access.grant.create", "access-grant", id, null, body));
        return created;
    }

    @Transactional
    public GrantView revoke(UUID id) {
        GrantView grant = get(id);
        access.require("bastion-target", "update", null);
        end(grant, null);
        return get(id);
    }

    /** Ends a grant that was decided elsewhere (a closed procedure execution); no administrator permission is checked. */
    void endDecided(UUID id, String why) {
        end(find(id), why);
    }

    private void end(GrantView grant, String why) {
        if (grant.revokedAt() == null) {
            jdbc.sql("UPDATE access_grant SET revoked_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), grant.id()).update();
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("subject", grant.subject());
            body.put("account", grant.account());
            if (why != null) {
                body.put("why", why);
            }
            audit.record(AuditEntry.success("access.grant.revoke", "access-grant", grant.id(), null, body));
        }
    }

    private GrantView map(ResultSet rs, int row) throws SQLException {
        Instant from = rs.getTimestamp("valid_from").toInstant();
        Instant until = rs.getTimestamp("valid_until").toInstant();
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Instant now = clock.instant();
        return new GrantView(rs.getObject("id", UUID.class), rs.getString("subject_kind") + ":" + rs.getString("subject_name"),
                rs.getObject("target_id", UUID.class), rs.getString("target_name"), rs.getString("target_group"), rs.getString("account"),
                Arrays.asList((String[]) rs.getArray("channels").getArray()), from, until, rs.getString("reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                revoked == null && !now.isBefore(from) && now.isBefore(until), Arrays.asList((String[]) rs.getArray("destinations").getArray()),
                Arrays.asList((String[]) rs.getArray("binds").getArray()));
    }
}
