package dev.vigil.server.intel.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.identity.TokenSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resolves a presented TAXII partner token to its active partner, and records its use. */
@Component
public class PartnerTokens {

    private static final Duration LAST_USE_GRANULARITY = Duration.ofSeconds(30);

    /** A partner as the TAXII endpoints need it: who, and which collections it may read. */
    public record Partner(UUID id, String name, List<UUID> collectionIds) {

        public boolean mayRead(UUID collection) {
            return collectionIds.contains(collection);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Partner> authenticate(String secret) {
        if (secret == null || secret.length() < 16 || secret.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, name, collection_ids::text[], last_used_at FROM taxii_partner WHERE token_hash = ? AND revoked_at IS NULL""")
                .param(TokenSecrets.hash(secret))
                .query((rs, n) -> {
                    Timestamp lastUsed = rs.getTimestamp(4);
                    UUID id = rs.getObject(1, UUID.class);
                    if (lastUsed == null || lastUsed.toInstant().plus(LAST_USE_GRANULARITY).isBefore(now)) {
                        jdbc.sql("UPDATE taxii_partner SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
                    }
                    String[] collections = (String[]) rs.getArray(3).getArray();
                    return new Partner(id, rs.getString(2), java.util.Arrays.stream(collections).map(UUID::fromString).toList());
                }).optional();
    }
}
