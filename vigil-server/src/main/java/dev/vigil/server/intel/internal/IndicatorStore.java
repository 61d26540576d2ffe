package dev.vigil.server.intel.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.intel.FeedView;
import dev.vigil.server.intel.IndicatorImportReport;
import dev.vigil.server.intel.IndicatorsChanged;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a feed's indicators: a snapshot feed (a file, a list, a MISP feed) replaces them all; a TAXII poll merges the
 * objects it fetched (a new version of an indicator replaces the old, a revoked one is removed). Either way the change
 * is audited and the live matcher rebuilt after the commit. Indicators without their own expiry get the feed's.
 */
@Component
public class IndicatorStore {

    private static final int BATCH = 2_000;
    private static final int CHUNK = 50_000;
    /** New indicators of one import hunted in the stored events; more are reported as not hunted. */
    static final int MAX_RETRO_HUNTED = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final RetroHunter retro;

    IndicatorStore(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, ApplicationEventPublisher events, RetroHunter retro) {
        this.retro = retro;
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.events = events;
    }

    /** Replaces every indicator of the feed; {@code actor} null means the current caller. */
    @Transactional
    public IndicatorImportReport replace(FeedView feed, FeedContent content, Instant now, Actor actor) {
        publishNew(feed, content);
        int previous = jdbc.sql("DELETE FROM intel_indicator WHERE feed_id = ?").param(feed.id()).update();
        insert(feed, content, now);
        return finish(feed, content, now, actor, previous, content.revoked().size(), "replace");
    }

    /** Adds or replaces the indicators of the content and removes the revoked ones (STIX references). */
    @Transactional
    public IndicatorImportReport merge(FeedView feed, FeedContent content, Instant now, Actor actor) {
        publishNew(feed, content);
        int previous = count(feed);
        Set<String> touched = new LinkedHashSet<>(content.revoked());
        content.entries().forEach(e -> touched.add(FeedFileReader.stixId(e.indicator().id())));
        List<Object[]> keys = new ArrayList<>();
        for (String id : touched) {
            keys.add(new Object[] {feed.id(), id, id + "#%"});
        }
        int[][] removed = template.batchUpdate("DELETE FROM intel_indicator WHERE feed_id = ? AND (ref = ? OR ref LIKE ?)", keys,
                BATCH, (ps, key) -> {
                    ps.setObject(1, key[0]);
                    ps.setString(2, (String) key[1]);
                    ps.setString(3, (String) key[2]);
                });
        int revoked = 0;
        int index = 0;
        for (int[] batch : removed) {
            for (int n : batch) {
                if (n > 0 && content.revoked().contains((String) keys.get(index)[1])) {
                    revoked++;
                }
                index++;
            }
        }
        insert(feed, content, now);
        return finish(feed, content, now, actor, previous, revoked, "merge");
    }

    private IndicatorImportReport finish(FeedView feed, FeedContent content, Instant now, Actor actor, int previous, int revoked,
            String mode) {
        int total = count(feed);
        jdbc.sql("UPDATE intel_feed SET indicator_count = ?, imported_at = ? WHERE id = ?")
                .params(total, Timestamp.from(now), feed.id()).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", feed.name());
        body.put("mode", mode);
        body.put("imported", content.size());
        body.put("previous", previous);
        body.put("revoked", revoked);
        body.put("problems", content.problemCount());
        AuditEntry entry = AuditEntry.success("intel.feed.import", "intel-feed", feed.id(), null, body);
        audit.record(actor == null ? entry : entry.by(actor));
        events.publishEvent(new IndicatorsChanged("import"));
        return new IndicatorImportReport(content.size(), previous, revoked, content.problemCount(), content.problems());
    }

    /** The indicators whose type and value the feed did not hold before, for the retro-hunt after the commit. */
    private void publishNew(FeedView feed, FeedContent content) {
        if (!retro.enabled() || !feed.enabled()) {
            return;
        }
        Set<String> known = new HashSet<>();
        jdbc.sql("SELECT type || '|' || lower(value) FROM intel_indicator WHERE feed_id = ?").param(feed.id())
                .query(rs -> {
                    known.add(rs.getString(1));
                });
        List<Indicator> added = new ArrayList<>();
        int notHunted = 0;
        for (FeedContent.Entry entry : content.entries()) {
            Indicator indicator = entry.indicator();
            if (!known.contains(indicator.type().label() + "|" + indicator.value().toLowerCase(Locale.ROOT))) {
                if (added.size() < MAX_RETRO_HUNTED) {
                    added.add(new Indicator(feed.id() + "|" + indicator.id(), indicator.type(), indicator.value(), feed.name(),
                            indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE ? feed.confidence() : indicator.confidence(),
                            indicator.firstSeen(), indicator.lastSeen(), indicator.validUntil()));
                } else {
                    notHunted++;
                }
            }
        }
        events.publishEvent(new NewIndicators(feed, added, notHunted));
    }

    private int count(FeedView feed) {
        return jdbc.sql("SELECT count(*) FROM intel_indicator WHERE feed_id = ?").param(feed.id()).query(Integer.class).single();
    }

    /**
     * Writes the indicators with COPY (several times faster than batched INSERTs for million-row feeds), in chunks so
     * the text in memory stays small; it runs in the caller's transaction.
     */
    private void insert(FeedView feed, FeedContent content, Instant now) {
        String feedExpiry = feed.expiresAfterDays() == 0 ? "" : now.plus(Duration.ofDays(feed.expiresAfterDays())).toString();
        StringBuilder chunk = new StringBuilder(CHUNK * 96);
        int rows = 0;
        for (FeedContent.Entry entry : content.entries()) {
            Indicator indicator = entry.indicator();
            int confidence = indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE ? feed.confidence() : indicator.confidence();
            chunk.append(feed.id()).append(',');
            quoted(chunk, indicator.id()).append(',');
            quoted(chunk, indicator.type().label()).append(',');
            quoted(chunk, indicator.value()).append(',').append(confidence).append(',');
            chunk.append(time(indicator.firstSeen())).append(',').append(time(indicator.lastSeen())).append(',');
            chunk.append(indicator.validUntil() != null ? indicator.validUntil().toString() : feedExpiry).append(',');
            quoted(chunk, truncate(entry.description())).append(',');
            quoted(chunk, String.join(",", entry.techniques())).append('\n');
            if (++rows == CHUNK) {
                copy(chunk);
                rows = 0;
            }
        }
        copy(chunk);
    }

    private void copy(StringBuilder chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        String text = chunk.toString();
        chunk.setLength(0);
        template.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        COPY intel_indicator (feed_id, ref, type, value, confidence, first_seen, last_seen, valid_until, description, techniques)
                        FROM STDIN (FORMAT csv)""", new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A CSV field in double quotes (so an empty text stays empty, not NULL). */
    private static StringBuilder quoted(StringBuilder out, String text) {
        return out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

}
