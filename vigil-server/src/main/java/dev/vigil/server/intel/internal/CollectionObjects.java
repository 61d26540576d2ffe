package dev.vigil.server.intel.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.intel.stix.share.TlpMarking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a TAXII collection published, in the order it was added: the filters of the objects and manifest
 * endpoints ({@code added_after}, {@code match[id]}, {@code match[type]}, {@code match[version]}) and keyset pages
 * ({@code next} is the position of the last object of the previous page). Anything marked TLP:RED is never returned.
 */
@Component
public class CollectionObjects {

    private final JdbcClient jdbc;

    CollectionObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A collection as TAXII describes it. */
    public record Collection(UUID id, String title, String description) {
    }

    /**
     * What to return.
     *
     * @param versions {@code match[version]} timestamps; empty for the only version kept (last, first and all alike)
     * @param after    the position a {@code next} names, or 0
     */
    public record Filter(Instant addedAfter, List<String> ids, List<String> types, List<Instant> versions, long after, int limit) {
    }

    public record Stored(String id, long position, Instant dateAdded, Instant version, String object) {
    }

    public record Page(List<Stored> objects, boolean more) {

        public String next() {
            return more ? Long.toString(objects.getLast().position()) : null;
        }
    }

    public Optional<Collection> collection(UUID id) {
        return jdbc.sql("SELECT id, title, description FROM taxii_collection WHERE id = ?").param(id)
                .query((rs, n) -> new Collection(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    public List<Collection> collections(List<UUID> ids) {
        return jdbc.sql("SELECT id, title, description FROM taxii_collection WHERE id = ANY(?::uuid[]) ORDER BY title")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Collection(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    public Page page(UUID collection, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT stix_id, seq, date_added, version, object FROM taxii_object WHERE collection_id = ? AND seq > ?
                  AND object NOT LIKE ?""");
        List<Object> params = new ArrayList<>(List.of(collection, filter.after(), "%" + TlpMarking.RED.id() + "%"));
        if (filter.addedAfter() != null) {
            sql.append(" AND date_added > ?");
            params.add(Timestamp.from(filter.addedAfter()));
        }
        if (!filter.ids().isEmpty()) {
            sql.append(" AND stix_id = ANY(?)");
            params.add(filter.ids().toArray(String[]::new));
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND stix_type = ANY(?)");
            params.add(filter.types().toArray(String[]::new));
        }
        if (!filter.versions().isEmpty()) {
            sql.append(" AND version = ANY(?::timestamptz[])");
            params.add(filter.versions().stream().map(Instant::toString).toArray(String[]::new));
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(filter.limit() + 1);
        List<Stored> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        boolean more = rows.size() > filter.limit();
        return new Page(more ? rows.subList(0, filter.limit()) : rows, more);
    }
}
