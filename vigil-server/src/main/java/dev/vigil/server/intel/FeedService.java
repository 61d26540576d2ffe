package dev.vigil.server.intel;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.intel.internal.FeedContent;
import dev.vigil.server.intel.internal.FeedFetchException;
import dev.vigil.server.intel.internal.FeedFetcher;
import dev.vigil.server.intel.internal.FeedFileReader;
import dev.vigil.server.intel.internal.FeedFormat;
import dev.vigil.server.intel.internal.FeedPoller;
import dev.vigil.server.intel.internal.FeedRows;
import dev.vigil.server.intel.internal.IndicatorMatcher;
import dev.vigil.server.intel.internal.IndicatorStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicator feeds: create, change and switch them, import their indicators from an upload (CSV, plain list, STIX 2.1
 * bundle, MISP feed zip, abuse.ch CSV, ThreatFox JSON) or fetch them from their URL (also TAXII 2.1 collections).
 * A snapshot import replaces the feed's indicators; the live matcher picks the change up after the commit without
 * pausing the event path.
 */
@Service
public class FeedService {

    public static final Set<String> TLP = Set.of("clear", "green", "amber", "amber+strict", "red");

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final TenantScopes tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IndicatorMatcher matcher;
    private final FeedRows rows;
    private final IndicatorStore store;
    private final FeedPoller poller;
    private final FeedFetcher fetcher;

    FeedService(JdbcClient jdbc, AccessPolicy access, TenantScopes tenants, AuditLog audit, ApplicationEventPublisher events,
            Clock clock, IndicatorMatcher matcher, FeedRows rows, IndicatorStore store, FeedPoller poller, FeedFetcher fetcher) {
        this.jdbc = jdbc;
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.matcher = matcher;
        this.rows = rows;
        this.store = store;
        this.poller = poller;
        this.fetcher = fetcher;
    }

    public List<FeedView> list() {
        requireReader();
        return rows.all();
    }

    public FeedView get(UUID id) {
        requireReader();
        return rows.find(id).orElseThrow(() -> ProblemException.notFound("feed", id));
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
                SELECT f.name, i.ref, i.type, i.value, i.confidence, i.first_seen, i.last_seen, i.valid_until, i.description, v.verdict,
                       coalesce(s.sightings, 0), s.last_sighted
                FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id LEFT JOIN intel_verdict v ON v.value_key = lower(i.value)
                LEFT JOIN intel_sighting s ON s.feed_id = i.feed_id AND s.ref = i.ref
                WHERE lower(i.value) = lower(?) ORDER BY f.name""")
                .param(value.trim()).query(FeedService::indicator).list();
    }

    public List<IndicatorView> indicators(UUID feedId, int limit, int offset) {
        FeedView feed = get(feedId);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw ProblemException.badRequest("invalid-input", "limit must be 1-1000 and offset at least 0");
        }
        return jdbc.sql("""
                SELECT ?, i.ref, i.type, i.value, i.confidence, i.first_seen, i.last_seen, i.valid_until, i.description, v.verdict,
                       coalesce(s.sightings, 0), s.last_sighted
                FROM intel_indicator i LEFT JOIN intel_verdict v ON v.value_key = lower(i.value)
                LEFT JOIN intel_sighting s ON s.feed_id = i.feed_id AND s.ref = i.ref
                WHERE i.feed_id = ? ORDER BY i.ref LIMIT ? OFFSET ?""").params(feed.name(), feedId, limit, offset)
                .query(FeedService::indicator).list();
    }

    @Transactional
    public FeedView create(FeedChange change) {
        requireWriter(change.tenant());
        String name = change.name() == null ? "" : change.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 100 characters)");
        }
        FeedFormat format = format(change.format() == null ? "csv" : change.format());
        if (jdbc.sql("SELECT count(*) FROM intel_feed WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a feed named '" + name + "' exists");
        }
        Settings settings = Settings.of(change, format, new Settings(50, 30, "clear", null, 0, null, null));
        UUID id = UUID.randomUUID();
        String tenant = change.tenant() == null || change.tenant().isBlank() ? null : change.tenant().trim();
        jdbc.sql("""
                INSERT INTO intel_feed (id, name, format, source, description, tenant, confidence, expires_after_days, tlp, url,
                    poll_minutes, auth_header, auth_value, next_poll_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, format.label(), text(change.source()), text(change.description()), tenant, settings.confidence(),
                        settings.expiry(), settings.tlp(), settings.url(), settings.pollMinutes(), settings.authHeader(),
                        settings.authValue(), settings.firstPoll(clock.instant()),
                        access.requireCurrent().username()).update();
        Map<String, Object> body = settings.audited();
        body.put("name", name);
        body.put("format", format.label());
        body.put("tenant", tenant == null ? "*" : tenant);
        audit.record(AuditEntry.success("intel.feed.create", "intel-feed", id, null, body));
        return get(id);
    }

    /** Changes a feed's settings; null fields keep their value. Name, format and tenant are fixed once created. */
    @Transactional
    public FeedView update(UUID id, FeedChange change) {
        FeedView feed = get(id);
        requireWriter(feed.tenant());
        if (change.name() != null && !change.name().trim().equals(feed.name()) || change.format() != null && !change.format().equals(feed.format())
                || change.tenant() != null && !text(change.tenant()).equals(feed.tenant() == null ? "" : feed.tenant())) {
            throw ProblemException.badRequest("invalid-input", "name, format and tenant of a feed cannot be changed; create another feed");
        }
        FeedRows.FetchState state = rows.fetchState(id);
        Settings current = new Settings(feed.confidence(), feed.expiresAfterDays(), feed.tlp(), feed.url(), feed.pollMinutes(),
                state.authHeader(), state.authValue());
        Settings settings = Settings.of(change, FeedFormat.of(feed.format()).orElseThrow(), current);
        boolean urlChanged = !java.util.Objects.equals(settings.url(), feed.url());
        jdbc.sql("""
                UPDATE intel_feed SET source = ?, description = ?, confidence = ?, expires_after_days = ?, tlp = ?, url = ?,
                    poll_minutes = ?, auth_header = ?, auth_value = ?, next_poll_at = ?,
                    etag = CASE WHEN ? THEN NULL ELSE etag END, last_modified = CASE WHEN ? THEN NULL ELSE last_modified END,
                    taxii_added_after = CASE WHEN ? THEN NULL ELSE taxii_added_after END
                WHERE id = ?""")
                .params(change.source() == null ? feed.source() : text(change.source()),
                        change.description() == null ? feed.description() : text(change.description()), settings.confidence(),
                        settings.expiry(), settings.tlp(), settings.url(), settings.pollMinutes(), settings.authHeader(),
                        settings.authValue(), settings.firstPoll(clock.instant()), urlChanged, urlChanged,
                        urlChanged, id).update();
        Map<String, Object> body = settings.audited();
        body.put("name", feed.name());
        audit.record(AuditEntry.success("intel.feed.update", "intel-feed", id, null, body));
        events.publishEvent(new IndicatorsChanged("feed changed"));
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

    /**
     * Switches a feed shared by every tenant off (or on again) for one tenant: that tenant's events are then not matched
     * against indicators only this feed holds, live or in retro-hunts. The matcher picks it up without a restart.
     */
    @Transactional
    public FeedView setEnabledForTenant(UUID id, String tenant, boolean enabled) {
        FeedView feed = get(id);
        String slug = tenant == null ? "" : tenant.strip();
        if (slug.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "tenant is required");
        }
        if (feed.tenant() != null) {
            throw ProblemException.conflict("not-shared", "feed " + feed.name() + " belongs to tenant " + feed.tenant()
                    + "; switch the feed itself (PUT /api/v1/intel/feeds/{id}/enabled)");
        }
        tenants.require("intel", "update", slug);
        boolean changed = enabled
                ? jdbc.sql("DELETE FROM intel_feed_tenant_off WHERE feed_id = ? AND tenant = ?").params(id, slug).update() > 0
                : jdbc.sql("""
                        INSERT INTO intel_feed_tenant_off (feed_id, tenant, disabled_by, disabled_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(id, slug, access.requireCurrent().username(), java.sql.Timestamp.from(clock.instant())).update() > 0;
        if (changed) {
            audit.record(AuditEntry.success(enabled ? "intel.feed.tenant-enable" : "intel.feed.tenant-disable", "intel-feed", id,
                    null, Map.of("name", feed.name(), "tenant", slug)));
            events.publishEvent(new IndicatorsChanged("feed switched for a tenant"));
        }
        return get(id);
    }

    /** Fetches the feed's URL now (conditional GET, MISP manifest and events, or a TAXII poll). */
    public FeedPollResult poll(UUID id) {
        FeedView feed = get(id);
        requireWriter(feed.tenant());
        return poller.poll(id, null);
    }

    /** Replaces the feed's indicators with those of the upload; rows that cannot be read are reported, not imported. */
    @Transactional
    public IndicatorImportReport importIndicators(UUID id, byte[] upload) {
        FeedView feed = get(id);
        requireWriter(feed.tenant());
        FeedFormat format = FeedFormat.of(feed.format()).orElseThrow();
        if (!format.uploadable()) {
            throw ProblemException.badRequest("invalid-upload", "a " + format.label() + " feed is polled from its URL, not uploaded");
        }
        if (upload == null || upload.length == 0) {
            throw ProblemException.badRequest("invalid-upload", "the upload is empty");
        }
        Path file = null;
        try {
            file = Files.createTempFile("vigil-feed-", ".upload");
            Files.write(file, upload);
            FeedContent content = FeedFileReader.read(format, file, feed.name(), fetcher.maxBytes());
            return store.replace(feed, content, clock.instant(), null);
        } catch (FeedFormatException e) {
            throw ProblemException.badRequest("invalid-feed", e.getMessage().replace(String.valueOf(file), "upload"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot buffer the upload: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static FeedFormat format(String label) {
        return FeedFormat.of(label).orElseThrow(() -> ProblemException.badRequest("invalid-input",
                "format must be one of " + FeedFormat.describeAll()));
    }

    /** The settings of a feed a change may set, validated. */
    private record Settings(int confidence, int expiry, String tlp, String url, int pollMinutes, String authHeader, String authValue) {

        static Settings of(FeedChange change, FeedFormat format, Settings current) {
            int confidence = change.confidence() == null ? current.confidence() : change.confidence();
            int expiry = change.expiresAfterDays() == null ? current.expiry() : change.expiresAfterDays();
            if (confidence < 0 || confidence > 100 || expiry < 0 || expiry > 3650) {
                throw ProblemException.badRequest("invalid-input", "confidence must be 0-100 and expiresAfterDays 0-3650 (0: never)");
            }
            String tlp = change.tlp() == null ? current.tlp() : change.tlp().trim().toLowerCase(java.util.Locale.ROOT);
            if (tlp.startsWith("tlp:")) {
                tlp = tlp.substring(4);
            }
            if (tlp.equals("white")) {
                tlp = "clear";
            }
            if (!TLP.contains(tlp)) {
                throw ProblemException.badRequest("invalid-input", "tlp must be clear, green, amber, amber+strict or red");
            }
            String url = change.url() == null ? current.url() : change.url().isBlank() ? null : checkedUrl(change.url().trim());
            if (format == FeedFormat.TAXII && url == null) {
                throw ProblemException.badRequest("invalid-input", "a taxii feed needs the URL of its collection");
            }
            int poll = change.pollMinutes() == null ? (current.pollMinutes() == 0 && url != null ? 60 : current.pollMinutes())
                    : change.pollMinutes();
            if (poll < 0 || poll > 10080) {
                throw ProblemException.badRequest("invalid-input", "pollMinutes must be 0-10080 (0: only when asked)");
            }
            String authValue = change.authValue() == null ? current.authValue() : change.authValue().isBlank() ? null : change.authValue();
            String authHeader = change.authHeader() == null ? current.authHeader() : change.authHeader().trim();
            authHeader = authValue == null ? null : authHeader == null || authHeader.isEmpty() ? "Authorization" : authHeader;
            if (authHeader != null && !authHeader.matches("[A-Za-z0-9-]{1,64}")) {
                throw ProblemException.badRequest("invalid-input", "authHeader must be an HTTP header name");
            }
            if (authValue != null && (authValue.length() > 4096 || authValue.chars().anyMatch(c -> c < 0x20))) {
                throw ProblemException.badRequest("invalid-input", "authValue must be one line of at most 4096 characters");
            }
            if (format == FeedFormat.TAXII && authHeader != null && !authHeader.equalsIgnoreCase("Authorization")) {
                throw ProblemException.badRequest("invalid-input", "a TAXII server takes its credential in the Authorization header");
            }
            return new Settings(confidence, expiry, tlp, url, url == null ? 0 : poll, authHeader, authValue);
        }

        /** When a scheduled feed is fetched first: at once; null when it is not scheduled. */
        Timestamp firstPoll(Instant now) {
            return url == null || pollMinutes == 0 ? null : Timestamp.from(now);
        }

        /** What the audit record says: everything but the credential's value. */
        Map<String, Object> audited() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("confidence", confidence);
            body.put("expiresAfterDays", expiry);
            body.put("tlp", tlp);
            body.put("url", url == null ? "" : url);
            body.put("pollMinutes", pollMinutes);
            body.put("credentialHeader", authHeader == null ? "" : authHeader);
            return body;
        }

        private static String checkedUrl(String text) {
            try {
                return FeedFetcher.checked(new URI(text)).toString();
            } catch (URISyntaxException e) {
                throw ProblemException.badRequest("invalid-input", "url is not a URL: " + e.getMessage());
            } catch (FeedFetchException e) {
                throw ProblemException.badRequest("invalid-input", e.getMessage());
            }
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static IndicatorView indicator(ResultSet rs, int n) throws SQLException {
        return new IndicatorView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9),
                rs.getString(10), rs.getLong(11), instant(rs.getTimestamp(12)));
    }
}
