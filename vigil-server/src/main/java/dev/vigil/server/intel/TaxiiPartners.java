package dev.vigil.server.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TokenSecrets;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners that read chosen collections over TAXII 2.1 (intel:share everywhere): each has its own bearer token, shown
 * once and stored as a SHA-256 hash, read-only and scoped to the named collections, revocable at once. Every change
 * is audited; every TAXII access is audited by the TAXII endpoints.
 */
@Service
public class TaxiiPartners {

    /** Partner tokens start with this, so a user's API token presented to TAXII is told apart. */
    public static final String SECRET_PREFIX = "vtp_";
    static final String COLUMNS = """
            id, name, description, token_prefix, collection_ids::text[], created_by, created_at, last_used_at, revoked_at""";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    TaxiiPartners(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TaxiiPartnerView> list() {
        requireSharer();
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxii_partner ORDER BY revoked_at IS NOT NULL, name")
                .query(TaxiiPartners::map).list();
    }

    @Transactional
    public IssuedPartnerToken create(String name, String description, List<UUID> collectionIds) {
        requireSharer();
        String partner = name == null ? "" : name.strip();
        if (partner.isEmpty() || partner.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        String text = description == null ? "" : description.strip();
        if (text.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "description must be at most 2000 characters");
        }
        if (collectionIds == null || collectionIds.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "collectionIds must name at least one collection the partner may read");
        }
        List<UUID> collections = List.copyOf(new LinkedHashSet<>(collectionIds));
        for (UUID collection : collections) {
            if (collection == null || jdbc.sql("SELECT count(*) FROM taxii_collection WHERE id = ?").param(collection)
                    .query(Long.class).single() == 0) {
                throw ProblemException.badRequest("unknown-collection", "no collection " + collection);
            }
        }
        if (jdbc.sql("SELECT count(*) FROM taxii_partner WHERE name = ?").param(partner).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a partner named '" + partner + "' exists");
        }
        String secret = TokenSecrets.generate(SECRET_PREFIX);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO taxii_partner (id, name, description, token_hash, token_prefix, collection_ids, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?::uuid[], ?, ?)""")
                .params(id, partner, text, TokenSecrets.hash(secret), TokenSecrets.displayPrefix(secret),
                        SharingCollections.ids(collections), access.requireCurrent().username(), Timestamp.from(clock.instant()))
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", partner);
        body.put("collections", collections.stream().map(UUID::toString).toList());
        audit.record(AuditEntry.success("intel.sharing.partner.create", "taxii-partner", id, null, body));
        return new IssuedPartnerToken(find(id), secret);
    }

    @Transactional
    public TaxiiPartnerView revoke(UUID id) {
        requireSharer();
        TaxiiPartnerView partner = find(id);
        if (partner.active()) {
            jdbc.sql("UPDATE taxii_partner SET revoked_at = ?, revoked_by = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), access.requireCurrent().username(), id).update();
            audit.record(AuditEntry.success("intel.sharing.partner.revoke", "taxii-partner", id, null, Map.of("name", partner.name())));
        }
        return find(id);
    }

    private TaxiiPartnerView find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxii_partner WHERE id = ?").param(id).query(TaxiiPartners::map).optional()
                .orElseThrow(() -> ProblemException.notFound("partner", id));
    }

    private void requireSharer() {
        SharingCollections.requireSharer(access);
    }

    static TaxiiPartnerView map(ResultSet rs, int row) throws SQLException {
        return new TaxiiPartnerView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                SharingCollections.uuids(rs.getArray(5)), rs.getString(6), SharingCollections.instant(rs.getTimestamp(7)),
                SharingCollections.instant(rs.getTimestamp(8)), SharingCollections.instant(rs.getTimestamp(9)));
    }
}
