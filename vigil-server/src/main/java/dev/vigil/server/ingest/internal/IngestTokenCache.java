package dev.vigil.server.ingest.internal;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.server.identity.TokenSecrets;
import dev.vigil.server.ingest.InputView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves presented ingest secrets to their input. Shippers send thousands of requests a minute, so answers are kept
 * for a few seconds; a revocation clears the cache at once, an expiry or a change elsewhere applies within
 * {@link #TTL}.
 */
@Component
public class IngestTokenCache {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final Duration LAST_USE_GRANULARITY = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final InputDirectory inputs;
    private final Clock clock;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

    IngestTokenCache(JdbcClient jdbc, InputDirectory inputs, Clock clock) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** The enabled input the secret belongs to, if the secret is valid now. */
    public Optional<InputView> authenticate(String secret) {
        if (secret == null || secret.length() < 16 || secret.length() > 512) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        ByteBuffer key = ByteBuffer.wrap(TokenSecrets.hash(secret));
        Entry entry = entries.get(key);
        if (entry == null || entry.loadedAt().plus(TTL).isBefore(now)) {
            entry = load(key.array(), now);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            entries.put(key, entry);
        }
        if (entry.tokenId() == null || entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return inputs.byId(entry.inputId()).filter(InputView::enabled);
    }

    public void invalidateAll() {
        entries.clear();
    }

    private Entry load(byte[] hash, Instant now) {
        Optional<Row> row = jdbc.sql("SELECT id, input_id, expires_at, last_used_at FROM ingest_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("input_id", UUID.class),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at"))))
                .optional();
        if (row.isEmpty()) {
            return new Entry(null, null, null, now);
        }
        if (row.get().lastUsedAt() == null || row.get().lastUsedAt().plus(LAST_USE_GRANULARITY).isBefore(now)) {
            jdbc.sql("UPDATE ingest_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), row.get().id()).update();
        }
        return new Entry(row.get().id(), row.get().inputId(), row.get().expiresAt(), now);
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private record Row(UUID id, UUID inputId, Instant expiresAt, Instant lastUsedAt) {
    }

    private record Entry(UUID tokenId, UUID inputId, Instant expiresAt, Instant loadedAt) {
    }
}
