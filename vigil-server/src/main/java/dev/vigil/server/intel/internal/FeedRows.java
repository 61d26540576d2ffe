package dev.vigil.server.intel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.intel.FeedView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The intel_feed rows: reading them as views, the state a fetch needs, and recording what a fetch did. */
@Component
public class FeedRows {

    /** What fetching a feed sends and resumes from; the credential never leaves the server. */
    public record FetchState(String url, String authHeader, String authValue, String etag, String lastModified,
                             Instant taxiiAddedAfter) {
    }

    private static final String SELECT = """
            SELECT id, name, format, source, description, tenant, confidence, expires_after_days, tlp, enabled, indicator_count,
                   imported_at, url, poll_minutes, auth_value IS NOT NULL, last_polled_at, last_poll_outcome, last_error,
                   consecutive_failures, next_poll_at, created_by, created_at,
                   ARRAY(SELECT o.tenant FROM intel_feed_tenant_off o WHERE o.feed_id = intel_feed.id ORDER BY o.tenant)
            FROM intel_feed""";

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeedView> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(FeedRows::map).list();
    }

    public Optional<FeedView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(FeedRows::map).optional();
    }

    public FetchState fetchState(UUID id) {
        return jdbc.sql("SELECT url, auth_header, auth_value, etag, last_modified, taxii_added_after FROM intel_feed WHERE id = ?")
                .param(id).query((rs, n) -> new FetchState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)))).single();
    }

    /** Enabled feeds with a URL and a schedule whose next fetch is due. */
    public List<UUID> due(Instant now) {
        return jdbc.sql("""
                SELECT id FROM intel_feed WHERE url IS NOT NULL AND enabled AND poll_minutes > 0
                AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at NULLS FIRST""")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    public void recordSuccess(UUID id, Instant now, String outcome, String etag, String lastModified, Instant taxiiAddedAfter) {
        jdbc.sql("""
                UPDATE intel_feed SET last_polled_at = ?, last_poll_outcome = ?, last_error = NULL, consecutive_failures = 0,
                    etag = ?, last_modified = ?, taxii_added_after = coalesce(?, taxii_added_after),
                    next_poll_at = CASE WHEN poll_minutes > 0 THEN CAST(? AS timestamptz) + poll_minutes * interval '1 minute' END
                WHERE id = ?""")
                .params(Timestamp.from(now), outcome, etag, lastModified, taxiiAddedAfter == null ? null : Timestamp.from(taxiiAddedAfter),
                        Timestamp.from(now), id).update();
    }

    public void recordFailure(UUID id, Instant now, String error) {
        jdbc.sql("""
                UPDATE intel_feed SET last_polled_at = ?, last_poll_outcome = 'failed', last_error = ?,
                    consecutive_failures = consecutive_failures + 1,
                    next_poll_at = CASE WHEN poll_minutes > 0 THEN CAST(? AS timestamptz) + poll_minutes * interval '1 minute' END
                WHERE id = ?""")
                .params(Timestamp.from(now), error.length() > 2000 ? error.substring(0, 2000) : error, Timestamp.from(now), id).update();
    }

    private static FeedView map(ResultSet rs, int n) throws SQLException {
        return new FeedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getInt(11),
                instant(rs.getTimestamp(12)), rs.getString(13), rs.getInt(14), rs.getBoolean(15), instant(rs.getTimestamp(16)),
                rs.getString(17), rs.getString(18), rs.getInt(19), instant(rs.getTimestamp(20)), rs.getString(21),
                rs.getTimestamp(22).toInstant(), java.util.List.of((String[]) rs.getArray(23).getArray()));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
