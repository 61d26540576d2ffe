package dev.vigil.server.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved event searches: private to their owner unless shared with every user who may read events. */
@Service
public class SavedSearchService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;

    SavedSearchService(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    public List<SavedSearchView> list() {
        VigilPrincipal caller = access.requireCurrent();
        return jdbc.sql(SELECT + " WHERE s.owner_id = ? OR s.shared ORDER BY s.name").param(caller.userId())
                .query(SavedSearchService::map).list();
    }

    public SavedSearchView get(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        return jdbc.sql(SELECT + " WHERE s.id = ? AND (s.owner_id = ? OR s.shared)").params(id, caller.userId())
                .query(SavedSearchService::map).optional().orElseThrow(() -> ProblemException.notFound("saved search", id));
    }

    @Transactional
    public SavedSearchView create(String name, String query, String timeRange, boolean shared) {
        VigilPrincipal caller = access.requireCurrent();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        if (query == null || query.length() > 10_000) {
            throw ProblemException.badRequest("invalid-input", "query is required (at most 10000 characters; empty means all)");
        }
        String range = timeRange == null || timeRange.isBlank() ? "24h" : timeRange.trim();
        TimeExpression.duration("timeRange", range);
        if (jdbc.sql("SELECT count(*) FROM saved_search WHERE owner_id = ? AND name = ?").params(caller.userId(), name.trim())
                .query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "you already have a saved search named '" + name.trim() + "'");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO saved_search (id, owner_id, name, query, time_range, shared) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, caller.userId(), name.trim(), query, range, shared).update();
        audit.record(AuditEntry.success("saved-search.create", "saved-search", id, null,
                Map.of("name", name.trim(), "query", query, "timeRange", range, "shared", shared)));
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        VigilPrincipal caller = access.requireCurrent();
        SavedSearchView search = get(id);
        if (!search.owner().equals(caller.username()) && !caller.canEverywhere("input", "delete")) {
            throw ProblemException.forbidden("forbidden", "only the owner deletes a saved search");
        }
        jdbc.sql("DELETE FROM saved_search WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("saved-search.delete", "saved-search", id, null, Map.of("name", search.name())));
    }

    private static final String SELECT = """
            SELECT s.id, s.name, s.query, s.time_range, s.shared, u.username, s.created_at
            FROM saved_search s JOIN app_user u ON u.id = s.owner_id""";

    private static SavedSearchView map(ResultSet rs, int n) throws SQLException {
        return new SavedSearchView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
