package dev.vigil.server.intel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.intel.internal.CollectionPublisher;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collections Vigil serves to partners over TAXII 2.1 (intel:share everywhere): which feeds, minimum confidence,
 * TLP ceiling (never red) and incidents. Every change is audited and republishes the collection at once.
 */
@Service
public class SharingCollections {

    static final String COLUMNS = """
            c.id, c.title, c.description, c.feed_ids::text[], c.min_confidence, c.tlp_ceiling, c.incident_ids::text[],
            (SELECT count(*) FROM taxii_object o WHERE o.collection_id = c.id), c.published_at, c.created_by, c.created_at,
            c.updated_at""";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final SharedIncidents incidents;
    private final CollectionPublisher publisher;

    SharingCollections(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock, SharedIncidents incidents,
            CollectionPublisher publisher) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.incidents = incidents;
        this.publisher = publisher;
    }

    public List<SharingCollectionView> list() {
        requireSharer();
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxii_collection c ORDER BY c.title").query(SharingCollections::map).list();
    }

    public SharingCollectionView get(UUID id) {
        requireSharer();
        return find(id);
    }

    @Transactional
    public SharingCollectionView create(SharingCollectionChange change) {
        requireSharer();
        Valid valid = validate(change, new Valid("", "", List.of(), 0, "green", List.of()));
        if (valid.title.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "title is required (at most 200 characters)");
        }
        requireUniqueTitle(valid.title, null);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO taxii_collection (id, title, description, feed_ids, min_confidence, tlp_ceiling, incident_ids, created_by,
                    created_at, updated_at) VALUES (?, ?, ?, ?::uuid[], ?, ?, ?::uuid[], ?, ?, ?)""")
                .params(id, valid.title, valid.description, ids(valid.feedIds), valid.minConfidence, valid.tlpCeiling,
                        ids(valid.incidentIds), access.requireCurrent().username(), now, now).update();
        audit.record(AuditEntry.success("intel.sharing.collection.create", "taxii-collection", id, null, valid.body()));
        publisher.publish(id);
        return find(id);
    }

    @Transactional
    public SharingCollectionView update(UUID id, SharingCollectionChange change) {
        requireSharer();
        SharingCollectionView current = find(id);
        Valid valid = validate(change, new Valid(current.title(), current.description(), current.feedIds(), current.minConfidence(),
                current.tlpCeiling(), current.incidentIds()));
        if (valid.title.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "title must not be empty (at most 200 characters)");
        }
        requireUniqueTitle(valid.title, id);
        jdbc.sql("""
                UPDATE taxii_collection SET title = ?, description = ?, feed_ids = ?::uuid[], min_confidence = ?, tlp_ceiling = ?,
                    incident_ids = ?::uuid[], updated_at = ? WHERE id = ?""")
                .params(valid.title, valid.description, ids(valid.feedIds), valid.minConfidence, valid.tlpCeiling,
                        ids(valid.incidentIds), Timestamp.from(clock.instant()), id).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("before", new Valid(current.title(), current.description(), current.feedIds(), current.minConfidence(),
                current.tlpCeiling(), current.incidentIds()).body());
        body.put("after", valid.body());
        audit.record(AuditEntry.success("intel.sharing.collection.update", "taxii-collection", id, null, body));
        publisher.publish(id);
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        requireSharer();
        SharingCollectionView current = find(id);
        jdbc.sql("UPDATE taxii_partner SET collection_ids = array_remove(collection_ids, ?) WHERE ? = ANY(collection_ids)")
                .params(id, id).update();
        jdbc.sql("DELETE FROM taxii_collection WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("intel.sharing.collection.delete", "taxii-collection", id, null,
                Map.of("title", current.title())));
    }

    SharingCollectionView find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxii_collection c WHERE c.id = ?").param(id).query(SharingCollections::map)
                .optional().orElseThrow(() -> ProblemException.notFound("collection", id));
    }

    private record Valid(String title, String description, List<UUID> feedIds, int minConfidence, String tlpCeiling,
                         List<UUID> incidentIds) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("feeds", feedIds.stream().map(UUID::toString).toList());
            body.put("minConfidence", minConfidence);
            body.put("tlpCeiling", tlpCeiling);
            body.put("incidents", incidentIds.stream().map(UUID::toString).toList());
            return body;
        }
    }

    private Valid validate(SharingCollectionChange change, Valid current) {
        String title = change.title() == null ? current.title : change.title().strip();
        if (title.length() > 200) {
            throw ProblemException.badRequest("invalid-input", "title must be at most 200 characters");
        }
        String description = change.description() == null ? current.description : change.description().strip();
        if (description.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "description must be at most 2000 characters");
        }
        int confidence = change.minConfidence() == null ? current.minConfidence : change.minConfidence();
        if (confidence < 0 || confidence > 100) {
            throw ProblemException.badRequest("invalid-input", "minConfidence must be 0..100");
        }
        String ceiling = current.tlpCeiling;
        if (change.tlpCeiling() != null) {
            TlpMarking tlp = TlpMarking.fromLabel(change.tlpCeiling()).orElseThrow(() -> ProblemException.badRequest("invalid-input",
                    "tlpCeiling must be clear, green, amber or amber+strict"));
            if (tlp == TlpMarking.RED) {
                throw ProblemException.badRequest("invalid-input", "TLP:RED is never shared: tlpCeiling must be clear, green, amber "
                        + "or amber+strict");
            }
            ceiling = tlp.label();
        }
        List<UUID> feeds = change.feedIds() == null ? current.feedIds : List.copyOf(new LinkedHashSet<>(change.feedIds()));
        for (UUID feed : feeds) {
            if (feed == null || jdbc.sql("SELECT count(*) FROM intel_feed WHERE id = ?").param(feed).query(Long.class).single() == 0) {
                throw ProblemException.badRequest("unknown-feed", "no feed " + feed);
            }
        }
        List<UUID> chosen = change.incidentIds() == null ? current.incidentIds : List.copyOf(new LinkedHashSet<>(change.incidentIds()));
        if (change.incidentIds() != null) {
            for (UUID incident : chosen) {
                if (incident == null) {
                    throw ProblemException.badRequest("invalid-input", "incidentIds must not contain null");
                }
                incidents.shareable(incident);
            }
        }
        return new Valid(title, description, feeds, confidence, ceiling, chosen);
    }

    private void requireUniqueTitle(String title, UUID except) {
        if (jdbc.sql("SELECT count(*) FROM taxii_collection WHERE title = ? AND id IS DISTINCT FROM ?::uuid").params(title, except)
                .query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a collection titled '" + title + "' exists");
        }
    }

    private void requireSharer() {
        requireSharer(access);
    }

    static void requireSharer(AccessPolicy access) {
        if (!access.requireCurrent().canEverywhere("intel", "share")) {
            throw ProblemException.forbidden("forbidden", "sharing intelligence needs intel:share for every tenant");
        }
    }

    static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).map(UUID::fromString).toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static SharingCollectionView map(ResultSet rs, int row) throws SQLException {
        return new SharingCollectionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), uuids(rs.getArray(4)),
                rs.getInt(5), rs.getString(6), uuids(rs.getArray(7)), rs.getLong(8), instant(rs.getTimestamp(9)), rs.getString(10),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
    }
}
