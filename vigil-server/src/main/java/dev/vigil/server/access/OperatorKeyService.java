package dev.vigil.server.access;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.UserView;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' SSH public keys: each user registers their own; an administrator of bastion targets may register or remove
 * keys for others. A key belongs to one user only.
 */
@Service
public class OperatorKeyService {

    private static final String SELECT = "SELECT id, user_id, username, public_key, fingerprint, comment, created_at FROM access_operator_key";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final UserService users;

    OperatorKeyService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, UserService users) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.users = users;
    }

    /** The caller's keys, or a named user's (administrators of bastion targets only). */
    public List<OperatorKeyView> list(String username) {
        VigilPrincipal caller = access.requireCurrent();
        if (username == null || username.isBlank() || username.equals(caller.username())) {
            return jdbc.sql(SELECT + " WHERE user_id = ? ORDER BY created_at").param(caller.userId()).query(OperatorKeyService::map).list();
        }
        access.require("bastion-target", "update", null);
        return jdbc.sql(SELECT + " WHERE username = ? ORDER BY created_at").param(username).query(OperatorKeyService::map).list();
    }

    @Transactional
    public OperatorKeyView add(String publicKeyLine, String username) {
        VigilPrincipal caller = access.requireCurrent();
        UUID userId = caller.userId();
        String owner = caller.username();
        if (username != null && !username.isBlank() && !username.equals(caller.username())) {
            access.require("bastion-target", "update", null);
            UserView user = users.byUsername(username);
            userId = user.id();
            owner = user.username();
        }
        PublicKey key = TargetService.parseKey(publicKeyLine, "publicKey");
        String canonical = OpenSshKeys.canonical(key);
        if (jdbc.sql("SELECT count(*) FROM access_operator_key WHERE public_key = ?").param(canonical).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "this key is already registered");
        }
        String[] parts = publicKeyLine.strip().split("\\s+", 3);
        String comment = parts.length == 3 ? parts[2] : "";
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_operator_key (id, user_id, username, public_key, fingerprint, comment) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, userId, owner, canonical, OpenSshKeys.fingerprint(key), comment.length() > 200 ? comment.substring(0, 200) : comment)
                .update();
        audit.record(AuditEntry.success("access.operator-key.add", "access-operator-key", id, null,
                Map.of("user", owner, "fingerprint", OpenSshKeys.fingerprint(key))));
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(OperatorKeyService::map).single();
    }

    @Transactional
    public void delete(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        OperatorKeyView key = jdbc.sql(SELECT + " WHERE id = ?").param(id).query(OperatorKeyService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("ssh key", id));
        if (!key.userId().equals(caller.userId())) {
            access.require("bastion-target", "update", null);
        }
        jdbc.sql("DELETE FROM access_operator_key WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("access.operator-key.delete", "access-operator-key", id, null,
                Map.of("user", key.username(), "fingerprint", key.fingerprint())));
    }

    private static OperatorKeyView map(ResultSet rs, int row) throws SQLException {
        return new OperatorKeyView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("username"),
                rs.getString("public_key"), rs.getString("fingerprint"), rs.getString("comment"), rs.getTimestamp("created_at").toInstant());
    }
}
