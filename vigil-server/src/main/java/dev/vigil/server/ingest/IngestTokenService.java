package dev.vigil.server.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TokenSecrets;
import dev.vigil.server.ingest.internal.IngestTokenCache;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingest tokens: credentials of machines that send events over HTTP. Each is bound to one input, so it fixes the
 * source and the tenant of everything sent with it; it grants nothing else.
 */
@Service
public class IngestTokenService {

    public static final String SECRET_PREFIX = "vgi_";

    private final JdbcClient jdbc;
    private final InputService inputs;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final IngestTokenCache cache;
    private final Clock clock;

    IngestTokenService(JdbcClient jdbc, InputService inputs, AccessPolicy access, AuditLog audit, IngestTokenCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.access = access;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    @Transactional
    public IssuedIngestToken create(UUID inputId, String name, Duration lifetime) {
        InputView input = inputs.get(inputId);
        access.require("input", "update", inputs.tenantId(input.tenant()));
        if (!input.type().equals(InputType.HTTP.wireName())) {
            throw ProblemException.badRequest("invalid-input", "ingest tokens are for http inputs; '" + input.name()
                    + "' is a " + input.type() + " input");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
            throw ProblemException.badRequest("invalid-input", "lifetime must be positive");
        }
        String secret = TokenSecrets.generate(SECRET_PREFIX);
        UUID id = UUID.randomUUID();
        Instant expires = lifetime == null ? null : Instant.now(clock).plus(lifetime);
        jdbc.sql("""
                INSERT INTO ingest_token (id, input_id, name, token_hash, token_prefix, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inputId, name.trim(), TokenSecrets.hash(secret), TokenSecrets.displayPrefix(secret),
                        access.requireCurrent().username(), expires == null ? null : Timestamp.from(expires))
                .update();
        audit.record(AuditEntry.success("ingest-token.create", "ingest-token", id, inputs.tenantId(input.tenant()),
                Map.of("name", name.trim(), "input", input.name(), "expiresAt", expires == null ? "never" : expires.toString())));
        return new IssuedIngestToken(find(id), secret);
    }

    public List<IngestTokenView> list(UUID inputId) {
        List<UUID> visible = inputs.list().stream().map(InputView::id).toList();
        return jdbc.sql(SELECT + (inputId == null ? "" : " WHERE t.input_id = ?") + " ORDER BY t.created_at DESC")
                .params(inputId == null ? List.of() : List.of(inputId)).query(IngestTokenService::map).list().stream()
                .filter(t -> visible.contains(t.inputId())).toList();
    }

    @Transactional
    public IngestTokenView revoke(UUID id) {
        IngestTokenView token = find(id);
        InputView input = inputs.get(token.inputId());
        access.require("input", "update", inputs.tenantId(input.tenant()));
        if (token.revokedAt() == null) {
            jdbc.sql("UPDATE ingest_token SET revoked_at = ? WHERE id = ?").params(Timestamp.from(Instant.now(clock)), id).update();
            audit.record(AuditEntry.success("ingest-token.revoke", "ingest-token", id, inputs.tenantId(input.tenant()),
                    Map.of("name", token.name(), "input", input.name())));
            cache.invalidateAll();
        }
        return find(id);
    }

    private static final String SELECT = """
            SELECT t.id, t.input_id, i.name AS input_name, t.name, t.token_prefix, t.created_by, t.created_at, t.expires_at,
                   t.revoked_at, t.last_used_at
            FROM ingest_token t JOIN ingest_input i ON i.id = t.input_id""";

    private IngestTokenView find(UUID id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(IngestTokenService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("ingest token", id));
    }

    private static IngestTokenView map(ResultSet rs, int n) throws SQLException {
        return new IngestTokenView(rs.getObject("id", UUID.class), rs.getObject("input_id", UUID.class), rs.getString("input_name"),
                rs.getString("name"), rs.getString("token_prefix"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
