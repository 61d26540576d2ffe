package dev.vigil.server.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machines (shown once, stored hashed, scoped, expiring, revocable, last use recorded) and the bearer
 * sessions handed out by the login API. A token never holds more than its owner currently holds.
 */
@Service
public class ApiTokenService {

    private static final Duration LAST_USE_GRANULARITY = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final VigilProperties.Security security;

    ApiTokenService(JdbcClient jdbc, UserAccounts accounts, AccessPolicy access, AuditLog audit, Clock clock, VigilProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.security = properties.security();
    }

    /** Creates a machine token owned by the caller, or by {@code ownerUsername} when given (admins). */
    @Transactional
    public IssuedToken create(String name, String ownerUsername, List<String> permissions, Duration lifetime) {
        VigilPrincipal caller = access.require("api-token", "create", null);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        UserRow owner = ownerUsername == null || ownerUsername.isBlank() ? accounts.byId(caller.userId()).orElseThrow()
                : accounts.byUsername(ownerUsername).orElseThrow(() -> ProblemException.badRequest("unknown-user",
                        "user '" + ownerUsername + "' does not exist"));
        Duration ttl = lifetime == null ? Duration.ofDays(90) : lifetime;
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(security.apiTokenMaxLifetime()) > 0) {
            throw ProblemException.badRequest("invalid-input", "lifetime must be positive and at most "
                    + security.apiTokenMaxLifetime().toDays() + " days (vigil.security.api-token-max-lifetime)");
        }
        Set<Permission> ownerPermissions = accounts.effectivePermissions(owner.id());
        List<Permission> scoped = parse(permissions == null ? List.of() : permissions);
        for (Permission wanted : scoped) {
            if (ownerPermissions.stream().noneMatch(held -> held.includes(wanted))) {
                throw ProblemException.badRequest("permission-not-held", "the owner does not hold " + wanted);
            }
        }
        String secret = TokenSecrets.generate();
        UUID id = insert("api", name.trim(), secret, owner.id(), scoped, Instant.now(clock).plus(ttl));
        audit.record(AuditEntry.success("api-token.create", "api-token", id, owner.tenantId(), Map.of("name", name.trim(),
                "owner", owner.username(), "permissions", scoped.stream().map(Permission::toString).toList(),
                "expiresAt", Instant.now(clock).plus(ttl).toString())));
        return new IssuedToken(find(id), secret);
    }

    /** Bootstrap: an administrator token whose secret is given by the operator (VIGIL_BOOTSTRAP_API_TOKEN). */
    @Transactional
    void createBootstrapToken(UUID ownerId, String secret) {
        UUID id = insert("api", "bootstrap", secret, ownerId, List.of(), Instant.now(clock).plus(security.apiTokenMaxLifetime()));
        audit.record(AuditEntry.success("api-token.create", "api-token", id, null, Map.of("name", "bootstrap",
                "source", "VIGIL_BOOTSTRAP_API_TOKEN")).by(dev.vigil.server.audit.Actor.systemJob("bootstrap")));
    }

    /** A bearer session for a user who just signed in through the API. */
    @Transactional
    IssuedToken createSession(UUID userId, String username) {
        String secret = TokenSecrets.generate();
        UUID id = insert("session", "login " + username, secret, userId, List.of(), Instant.now(clock).plus(security.sessionAbsoluteTimeout()));
        return new IssuedToken(find(id), secret);
    }

    public List<TokenView> list() {
        VigilPrincipal caller = access.require("api-token", "read", null);
        return jdbc.sql(SELECT + " WHERE t.kind = 'api' ORDER BY t.created_at DESC").query(this::map).list().stream()
                .filter(t -> caller.canEverywhere("api-token", "read") || t.ownerId().equals(caller.userId())).toList();
    }

    @Transactional
    public TokenView revoke(UUID id) {
        access.require("api-token", "delete", null);
        TokenView token = find(id);
        if (token.revokedAt() == null) {
            jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ?").params(Timestamp.from(Instant.now(clock)), id).update();
            audit.record(AuditEntry.success("api-token.revoke", "api-token", id, null, Map.of("name", token.name(),
                    "owner", token.ownerUsername())));
        }
        return find(id);
    }

    /** Ends the caller's own bearer session (logout). */
    @Transactional
    public void endSession(UUID tokenId) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND kind = 'session' AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now(clock)), tokenId).update();
    }

    /** Resolves a presented secret to its token if it is valid now; records the use. */
    @Transactional
    Optional<ValidToken> authenticate(String secret, String address) {
        if (secret == null || secret.length() < 16 || secret.length() > 512) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Optional<ValidToken> token = jdbc.sql("""
                SELECT id, kind, name, owner_id, permissions, expires_at, revoked_at, last_used_at, created_at
                FROM api_token WHERE token_hash = ?""").param(TokenSecrets.hash(secret))
                .query((rs, n) -> new ValidToken(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class), permissions(rs.getArray("permissions")),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"),
                        Optional.ofNullable(instant(rs, "last_used_at")).orElse(rs.getTimestamp("created_at").toInstant()),
                        instant(rs, "last_used_at") == null))
                .optional();
        if (token.isEmpty() || token.get().revokedAt() != null || !token.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        if (token.get().kind().equals("session") && token.get().lastUsedAt().plus(security.sessionIdleTimeout()).isBefore(now)) {
            return Optional.empty();
        }
        if (token.get().neverUsed() || token.get().lastUsedAt().plus(LAST_USE_GRANULARITY).isBefore(now)) {
            jdbc.sql("UPDATE api_token SET last_used_at = ?, last_used_from = ? WHERE id = ?")
                    .params(Timestamp.from(now), address, token.get().id()).update();
        }
        return token;
    }

    /** A token that authenticated. */
    record ValidToken(UUID id, String kind, String name, UUID ownerId, List<Permission> permissions, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt, boolean neverUsed) {
    }

    private static final String SELECT = """
            SELECT t.id, t.name, t.token_prefix, t.owner_id, u.username, t.permissions, t.created_at, t.expires_at,
                   t.revoked_at, t.last_used_at, t.last_used_from
            FROM api_token t JOIN app_user u ON u.id = t.owner_id""";

    private TokenView find(UUID id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("api token", id));
    }

    private UUID insert(String kind, String name, String secret, UUID ownerId, List<Permission> permissions, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api_token (id, kind, name, token_hash, token_prefix, owner_id, permissions, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?)""")
                .params(id, kind, name, TokenSecrets.hash(secret), TokenSecrets.displayPrefix(secret), ownerId,
                        "{" + String.join(",", permissions.stream().map(p -> "\"" + p + "\"").toList()) + "}",
                        Timestamp.from(expiresAt)).update();
        return id;
    }

    private TokenView map(ResultSet rs, int n) throws SQLException {
        return new TokenView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), permissions(rs.getArray(6)).stream().map(Permission::toString).toList(),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"), rs.getString(11));
    }

    private static List<Permission> permissions(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(Permission::parse).toList();
    }

    private static List<Permission> parse(List<String> texts) {
        Set<Permission> parsed = new LinkedHashSet<>();
        for (String text : texts) {
            try {
                Permission permission = Permission.parse(text);
                PermissionCatalogue.validate(permission);
                parsed.add(permission);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-permission", e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
