package dev.vigil.server.intel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.intel.allowlist.Allowlist;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.InvalidIndicatorException;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.ingest.EventEntities;
import dev.vigil.server.ingest.EventHunts;
import dev.vigil.server.intel.FeedView;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hunts indicators new to a feed in the stored events of the last {@code vigil.detection.intel-retro-hunt-days} days,
 * once the import committed; each hit raises an alert marked retrospective. Values with a verdict or covered by the
 * allowlist are not hunted, nor are those of a disabled feed.
 */
@Component
class RetroHunter {

    static final String KIND = "indicators-retro";
    private static final Logger log = LoggerFactory.getLogger(RetroHunter.class);

    private final EventHunts hunts;
    private final AlertIntake intake;
    private final AllowlistRows allowlist;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int days;
    private final Duration window;
    private final IndicatorContext context;
    private final FeedTenantSwitches switches;

    RetroHunter(EventHunts hunts, AlertIntake intake, AllowlistRows allowlist, JdbcClient jdbc, Clock clock, VigilProperties properties,
            IndicatorContext context, FeedTenantSwitches switches) {
        this.switches = switches;
        this.context = context;
        this.hunts = hunts;
        this.intake = intake;
        this.allowlist = allowlist;
        this.jdbc = jdbc;
        this.clock = clock;
        this.days = properties.detection().intelRetroHuntDays();
        this.window = properties.detection().dedupWindow();
    }

    boolean enabled() {
        return days > 0;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(NewIndicators added) {
        FeedView feed = added.feed();
        if (days == 0 || added.indicators().isEmpty() || !feed.enabled()) {
            return;
        }
        java.util.Set<String> judged = new java.util.HashSet<>(jdbc.sql("SELECT value_key FROM intel_verdict").query(String.class).list());
        Allowlist allowed = allowlist.current();
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        for (Indicator indicator : added.indicators()) {
            if (judged.contains(indicator.value().toLowerCase(java.util.Locale.ROOT)) || allowed.suppressing(indicator).isPresent()) {
                continue;
            }
            try {
                builder.add(indicator);
            } catch (InvalidIndicatorException e) {
                // Not indexable: the live matcher leaves it out as well.
            }
        }
        IndicatorIndex index = builder.build();
        if (index.size() == 0) {
            return;
        }
        if (added.notHunted() > 0) {
            log.warn("feed {}: {} new indicators beyond the retro-hunt limit are not hunted", feed.name(), added.notHunted());
        }
        Instant to = clock.instant();
        Set<String> off = switches.offFor(feed.id());
        hunts.startUnattended(KIND, feed.id().toString(), index.size() + " new indicators of feed " + feed.name(), "intel-retro-hunt",
                to.minus(Duration.ofDays(days)), to, event -> {
                    if (feed.tenant() != null ? !feed.tenant().equals(event.tenant()) : off.contains(event.tenant())) {
                        return null;
                    }
                    List<IndicatorLookup.FieldMatch> found = IndicatorLookup.matches(index, event);
                    for (IndicatorLookup.FieldMatch match : found) {
                        intake.raise(draft(feed, match, event));
                    }
                    return found.isEmpty() ? null : String.join("; ", found.stream().map(IndicatorLookup.FieldMatch::describe).toList());
                }).ifPresentOrElse(hunt -> log.info("feed {}: retro-hunt {} of {} new indicators over {} days", feed.name(), hunt.id(),
                        index.size(), days), () -> log.warn("feed {}: hunts are queued to their limit; {} new indicators not hunted",
                        feed.name(), index.size()));
    }

    private AlertDraft draft(FeedView feed, IndicatorLookup.FieldMatch match, dev.vigil.events.Event event) {
        Indicator indicator = match.match().indicator();
        String ref = indicator.id().substring(indicator.id().indexOf('|') + 1);
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(match.field(), match.value());
        EventEntities.of(event).forEach(entities::putIfAbsent);
        String key = "intel-retro:" + indicator.id() + ":" + event.tenant() + ":" + entities;
        StringBuilder explanation = new StringBuilder("retrospective: " + match.describe() + " of feed " + feed.name()
                + ", found in the stored events when the indicator was added");
        context.addTechniques(indicator.value(), entities, explanation);
        return new AlertDraft(event.tenant(), "intel", feed.name() + ":" + ref,
                "Retrospective threat intelligence match: " + indicator.value(), feed.source().isEmpty() ? feed.name() : feed.source(),
                IndicatorMatcher.severity(indicator.confidence()), key, window, entities, List.of(event.id()), explanation.toString(),
                event.timestamp(), 1);
    }
}
