package dev.vigil.server.intel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.feed.IocCsvReader;
import dev.vigil.intel.feed.PlainListReader;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.intel.internal.IndicatorMatcher;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicator feeds: create them, switch them, and import their indicators from CSV (the {@code id,type,value,…}
 * layout) or plain lists (one indicator a line). An import replaces the feed's indicators, as a feed snapshot does;
 * the live matcher picks the change up after the commit without pausing the event path.
 */
@Service
public class FeedService {

    public static final int MAX_INDICATORS_PER_FEED = 5_000_000;
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IndicatorMatcher matcher;

    FeedService(JdbcClient jdbc, JdbcTemplate template, AccessPolicy access, TenantScopes tenants, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, IndicatorMatcher matcher) {
        this.matcher = matcher;
        this.jdbc = jdbc;
        this.template = template;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<FeedView> list() {
        requireReader();
        return jdbc.sql(SELECT + " ORDER BY name").query(FeedService::map).list();
    }

    public FeedView get(UUID id) {
        requireReader();
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(FeedService::map).optional()
                .orElseThrow(() -> ProblemException.notFound("feed", id));
    }

    public IntelStatus status() {
        requireReader();
        return new IntelStatus(matcher.size(), matcher.generation());
    }

    /** Indicators whose value equals the text (case-insensitive), in every feed. */
    public List<IndicatorView> lookup(String value) {
        requireReader();
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "value is required");
        }
        return jdbc.sql("""
                SELECT f.name, i.ref, i.type, i.value, i.confidence, i.first_seen, i.last_seen, i.valid_until
                FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id WHERE lower(i.value) = lower(?) ORDER BY f.name""")
                .param(value.trim()).query(FeedService::indicator).list();
    }

    public List<IndicatorView> indicators(UUID feedId, int limit, int offset) {
        FeedView feed = get(feedId);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000 and offset at least 0");
        }
        return jdbc.sql("""
                SELECT ?, ref, type, value, confidence, first_seen, last_seen, valid_until FROM intel_indicator
                WHERE feed_id = ? ORDER BY ref LIMIT ? OFFSET ?""").params(feed.name(), feedId, limit, offset)
                .query(FeedService::indicator).list();
    }

    @Transactional
    public FeedView create(FeedChange change) {
        requireWriter(change.tenant());
        String name = change.name() == null ? "" : change.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        String format = change.format() == null ? "csv" : change.format();
        if (!List.of("csv", "plain").contains(format)) {
            throw ProblemException.badRequest("invalid-input", "format must be csv (id,type,value[,source,confidence,first_seen,"
                    + "last_seen,valid_until]) or plain (one indicator a line)");
        }
        int confidence = change.confidence() == null ? 50 : change.confidence();
        int expiry = change.expiresAfterDays() == null ? 30 : change.expiresAfterDays();
        if (confidence < 0 || confidence > 100 || expiry < 0 || expiry > 3650) {
            throw ProblemException.badRequest("invalid-input", "confidence must be 0-100 and expiresAfterDays 0-3650 (0: never)");
        }
        if (jdbc.sql("SELECT count(*) FROM intel_feed WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a feed named '" + name + "' exists");
        }
        UUID id = UUID.randomUUID();
        String tenant = change.tenant() == null || change.tenant().isBlank() ? null : change.tenant().trim();
        jdbc.sql("""
                INSERT INTO intel_feed (id, name, format, source, description, tenant, confidence, expires_after_days, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, format, text(change.source()), text(change.description()), tenant, confidence, expiry,
                        access.requireCurrent().username()).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("format", format);
        body.put("tenant", tenant == null ? "*" : tenant);
        body.put("confidence", confidence);
        body.put("expiresAfterDays", expiry);
        audit.record(AuditEntry.success("intel.feed.create", "intel-feed", id, null, body));
        return get(id);
    }

    @Transactional
    public FeedView setEnabled(UUID id, boolean enabled) {
        FeedView feed = get(id);
        requireWriter(feed.tenant());
        jdbc.sql("UPDATE intel_feed SET enabled = ? WHERE id = ?").params(enabled, id).update();
        audit.record(AuditEntry.success(enabled ? "intel.feed.enable" : "intel.feed.disable", "intel-feed", id, null,
                Map.of("name", feed.name())));
        events.publishEvent(new IndicatorsChanged("feed switched"));
        return get(id);
    }

    /** Replaces the feed's indicators with those of the upload; rows that cannot be read are reported, not imported. */
    @Transactional
    public IndicatorImportReport importIndicators(UUID id, byte[] upload) {
        FeedView feed = get(id);
        requireWriter(feed.tenant());
        if (upload == null || upload.length == 0) {
            throw ProblemException.badRequest("invalid-upload", "the upload is empty");
        }
        Instant now = clock.instant();
        Map<String, Indicator> read = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Path file = null;
        try {
            file = Files.createTempFile("vigil-feed-", ".txt");
            Files.write(file, upload);
            List<FeedProblem> skipped = feed.format().equals("csv")
                    ? new IocCsvReader().read(file, indicator -> add(read, indicator))
                    : new PlainListReader().read(file, feed.name(), indicator -> add(read, indicator));
            skipped.forEach(p -> problems.add((p.line() > 0 ? "line " + p.line() + ": " : "") + p.reason()));
        } catch (FeedFormatException e) {
            throw ProblemException.badRequest("invalid-feed", e.getMessage().replace(String.valueOf(file), "upload"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot buffer the upload: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
        int previous = jdbc.sql("DELETE FROM intel_indicator WHERE feed_id = ?").param(id).update();
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (Indicator indicator : read.values()) {
            Instant validUntil = indicator.validUntil() != null ? indicator.validUntil()
                    : feed.expiresAfterDays() == 0 ? null : now.plus(Duration.ofDays(feed.expiresAfterDays()));
            int confidence = indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE ? feed.confidence() : indicator.confidence();
            rows.add(new Object[] {id, indicator.id(), indicator.type().label(), indicator.value(), confidence,
                    timestamp(indicator.firstSeen()), timestamp(indicator.lastSeen()), timestamp(validUntil)});
            if (rows.size() == BATCH) {
                insert(rows);
            }
        }
        insert(rows);
        jdbc.sql("UPDATE intel_feed SET indicator_count = ?, imported_at = ? WHERE id = ?")
                .params(read.size(), Timestamp.from(now), id).update();
        audit.record(AuditEntry.success("intel.feed.import", "intel-feed", id, null, Map.of("name", feed.name(),
                "imported", read.size(), "previous", previous, "problems", problems.size())));
        events.publishEvent(new IndicatorsChanged("import"));
        return new IndicatorImportReport(read.size(), previous, problems.size() > 1000 ? problems.subList(0, 1000) : problems);
    }

    private static void add(Map<String, Indicator> read, Indicator indicator) {
        if (read.size() >= MAX_INDICATORS_PER_FEED && !read.containsKey(indicator.id())) {
            throw ProblemException.badRequest("feed-too-large", "a feed holds at most " + MAX_INDICATORS_PER_FEED + " indicators");
        }
        read.put(indicator.id(), indicator);
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO intel_indicator (feed_id, ref, type, value, confidence, first_seen, last_seen, valid_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            rows.clear();
        }
    }

    private void requireReader() {
        if (!access.requireCurrent().can("intel", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission intel:read");
        }
    }

    private void requireWriter(String tenant) {
        VigilPrincipal caller = access.requireCurrent();
        if (tenant == null || tenant.isBlank()) {
            if (!caller.canEverywhere("intel", "update")) {
                throw ProblemException.forbidden("forbidden", "a feed for every tenant needs intel:update for every tenant");
            }
        } else {
            tenants.require("intel", "update", tenant.trim());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static final String SELECT = """
            SELECT id, name, format, source, description, tenant, confidence, expires_after_days, enabled, indicator_count,
                   imported_at, created_by, created_at FROM intel_feed""";

    private static FeedView map(ResultSet rs, int n) throws SQLException {
        return new FeedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getInt(10), instant(rs.getTimestamp(11)),
                rs.getString(12), rs.getTimestamp(13).toInstant());
    }

    private static IndicatorView indicator(ResultSet rs, int n) throws SQLException {
        return new IndicatorView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    }
}
