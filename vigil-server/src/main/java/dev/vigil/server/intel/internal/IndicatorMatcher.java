package dev.vigil.server.intel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.events.Event;
import dev.vigil.intel.allowlist.Allowlist;
import dev.vigil.intel.allowlist.AllowlistEntry;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.ingest.EventEntities;
import dev.vigil.server.ingest.EventInspector;
import dev.vigil.server.intel.IndicatorsChanged;
import dev.vigil.server.intel.SuppressedIndicator;
import dev.vigil.server.intel.SuppressionReport;
import dev.vigil.server.platform.BackgroundRefresh;
import dev.vigil.server.platform.config.VigilProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The indicator stage of the event path: the indicators of every enabled feed in hash tables and tries
 * ({@code vigil-intel}'s index), looked up with the address, name, URL, hash and e-mail fields of each event. A match
 * becomes an alert (deduplicated by feed, indicator, tenant and entities). Feed changes rebuild the index off the event
 * path and swap it in, so matching never pauses.
 */
@Component
public class IndicatorMatcher implements EventInspector, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndicatorMatcher.class);

    /** @param withTechniques the values (lower case) some feed relates to ATT&CK techniques: only these are looked up */
    private record Snapshot(IndicatorIndex index, Map<String, FeedInfo> feeds, SuppressionReport suppressed, Set<String> withTechniques) {
    }

    /** The first suppressed indicators kept for display. */
    static final int SUPPRESSED_SHOWN = 1000;

    /** @param off tenants this feed (shared by every tenant) is switched off for */
    private record FeedInfo(String name, String tenant, String source, Set<String> off) {

        boolean appliesTo(String eventTenant) {
            return tenant == null ? !off.contains(eventTenant) : tenant.equals(eventTenant);
        }

    }

    private final JdbcClient jdbc;
    private final AlertIntake intake;
    private final Duration window;
    private final Counter matches;
    private final BackgroundRefresh refresh = new BackgroundRefresh("indicator-index", this::rebuild);
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(IndicatorIndex.empty(), Map.of(), new SuppressionReport(0, List.of()), Set.of());
    private volatile boolean running;

    private final AllowlistRows allowlist;
    private final IndicatorSightings sightings;
    private final IndicatorContext context;
    private final FeedTenantSwitches switches;

    IndicatorMatcher(JdbcClient jdbc, AlertIntake intake, VigilProperties properties, MeterRegistry meters, AllowlistRows allowlist,
            IndicatorSightings sightings, IndicatorContext context, FeedTenantSwitches switches) {
        this.switches = switches;
        this.allowlist = allowlist;
        this.sightings = sightings;
        this.context = context;
        this.jdbc = jdbc;
        this.intake = intake;
        this.window = properties.detection().dedupWindow();
        this.matches = meters.counter("vigil.intel.matches");
        meters.gauge("vigil.intel.indicators", this, matcher -> matcher.snapshot.index().size());
    }

    @Override
    public String name() {
        return "indicators";
    }

    @Override
    public void start() {
        rebuild();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        refresh.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 50;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(IndicatorsChanged change) {
        refresh.request();
    }

    /** Number of indicators in the live index. */
    public int size() {
        return snapshot.index().size();
    }

    /** An intel alert's severity from the indicator's confidence: 80 and more high, 50 and more medium. */
    static AlertSeverity severity(int confidence) {
        return confidence >= 80 ? AlertSeverity.HIGH : confidence >= 50 ? AlertSeverity.MEDIUM : AlertSeverity.LOW;
    }

    /** The indicators the allowlist kept out of the index at the last rebuild. */
    public SuppressionReport suppressed() {
        return snapshot.suppressed();
    }

    /** How many times the index was built since the start (a change is live once this moved on). */
    public long generation() {
        return generation.get();
    }

    synchronized void rebuild() {
        long start = System.nanoTime();
        Map<String, FeedInfo> feeds = new HashMap<>();
        Map<String, Set<String>> off = switches.offByFeed();
        jdbc.sql("SELECT id, name, tenant, source FROM intel_feed WHERE enabled").query(rs -> {
            feeds.put(rs.getString(1), new FeedInfo(rs.getString(2), rs.getString(3), rs.getString(4),
                    Set.copyOf(off.getOrDefault(rs.getString(1), Set.of()))));
        });
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        Allowlist allowed = allowlist.current();
        List<SuppressedIndicator> suppressed = new ArrayList<>();
        int[] suppressedCount = {0};
        int invalid = IndicatorLookup.load(jdbc, "f.enabled", List.of(), builder, indicator -> {
            AllowlistEntry entry = allowed.suppressing(indicator).orElse(null);
            if (entry == null) {
                return true;
            }
            if (suppressedCount[0]++ < SUPPRESSED_SHOWN) {
                String feedId = indicator.id().substring(0, indicator.id().indexOf('|'));
                FeedInfo feed = feeds.get(feedId);
                suppressed.add(new SuppressedIndicator(feed == null ? feedId : feed.name(), indicator.id().substring(feedId.length() + 1),
                        indicator.type().label(), indicator.value(), entry.value(), entry.note()));
            }
            return false;
        });
        IndicatorIndex index = builder.build();
        Set<String> withTechniques = Set.copyOf(jdbc.sql("""
                SELECT DISTINCT lower(i.value) FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id
                WHERE f.enabled AND i.techniques <> ''""").query(String.class).list());
        snapshot = new Snapshot(index, Map.copyOf(feeds), new SuppressionReport(suppressedCount[0], suppressed), withTechniques);
        generation.incrementAndGet();
        log.info("indicators: {} live from {} feeds ({} not indexable, {} suppressed by the allowlist), built in {} ms", index.size(),
                feeds.size(), invalid, suppressedCount[0], (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void inspect(List<Event> events) {
        Snapshot current = snapshot;
        if (current.index().size() == 0) {
            return;
        }
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (Event event : events) {
            for (IndicatorLookup.FieldMatch found : IndicatorLookup.matches(current.index(), event)) {
                record(current, hits, event, found);
            }
        }
        hits.values().forEach(hit -> intake.raise(hit.draft(window, context, current.withTechniques())));
    }

    private void record(Snapshot current, Map<String, Hit> hits, Event event, IndicatorLookup.FieldMatch found) {
        Indicator indicator = found.match().indicator();
        String feedId = indicator.id().substring(0, indicator.id().indexOf('|'));
        FeedInfo feed = current.feeds().get(feedId);
        // a value also held by a feed that applies to the tenant still matches through that feed's indicator
        if (feed == null || !feed.appliesTo(event.tenant())) {
            return;
        }
        matches.increment();
        sightings.count(indicator.id(), event.timestamp());
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(found.field(), found.value());
        EventEntities.of(event).forEach(entities::putIfAbsent);
        // One alert per indicator value, whichever feeds hold it: the most confident feed names it, the others are
        // listed in the explanation (IndicatorContext).
        String key = "intel:" + indicator.type().label() + "|" + indicator.value().toLowerCase(java.util.Locale.ROOT) + ":"
                + event.tenant() + ":" + entities;
        Hit hit = hits.computeIfAbsent(key, k -> new Hit(key, event.tenant(), feed, found, entities));
        hit.prefer(feed, found);
        hit.add(event);
    }

    private static final class Hit {
        final String key;
        final String tenant;
        FeedInfo feed;
        Indicator indicator;
        IndicatorLookup.FieldMatch found;
        final Map<String, String> entities;
        final List<String> eventIds = new ArrayList<>();
        final java.util.Set<String> counted = new java.util.HashSet<>();
        long count;
        Instant last;

        Hit(String key, String tenant, FeedInfo feed, IndicatorLookup.FieldMatch found, Map<String, String> entities) {
            this.key = key;
            this.tenant = tenant;
            this.feed = feed;
            this.indicator = found.match().indicator();
            this.found = found;
            this.entities = entities;
        }

        /** The source with the higher confidence (then the lower feed name) names the alert. */
        void prefer(FeedInfo other, IndicatorLookup.FieldMatch match) {
            Indicator candidate = match.match().indicator();
            if (candidate.confidence() > indicator.confidence()
                    || candidate.confidence() == indicator.confidence() && other.name().compareTo(feed.name()) < 0) {
                feed = other;
                indicator = candidate;
                found = match;
            }
        }

        void add(Event event) {
            if (!counted.add(event.id())) {
                return;
            }
            count++;
            if (eventIds.size() < AlertIntake.MAX_EVENT_IDS) {
                eventIds.add(event.id());
            }
            last = last == null || event.timestamp().isAfter(last) ? event.timestamp() : last;
        }

        AlertDraft draft(Duration window, IndicatorContext context, Set<String> withTechniques) {
            int confidence = indicator.confidence();
            AlertSeverity severity = severity(confidence);
            String explanation = found.describe() + " of feed " + feed.name() + ", confidence " + confidence
                    + (indicator.firstSeen() != null ? ", first seen " + indicator.firstSeen() : "")
                    + (indicator.lastSeen() != null ? ", last seen " + indicator.lastSeen() : "")
                    + (indicator.validUntil() != null ? ", valid until " + indicator.validUntil() : "")
                    + context.describe(indicator.id().substring(0, indicator.id().indexOf('|')),
                            indicator.id().substring(indicator.id().indexOf('|') + 1), indicator.value());
            String ref = feed.name() + ":" + indicator.id().substring(indicator.id().indexOf('|') + 1);
            Map<String, String> named = new LinkedHashMap<>(entities);
            StringBuilder explained = new StringBuilder(explanation);
            if (withTechniques.contains(indicator.value().toLowerCase(java.util.Locale.ROOT))) {
                context.addTechniques(indicator.value(), named, explained);
            }
            return new AlertDraft(tenant, "intel", ref, "Threat intelligence match: " + indicator.value(),
                    feed.source().isEmpty() ? feed.name() : feed.source(), severity, key, window, named, eventIds, explained.toString(),
                    last, count);
        }
    }
}
