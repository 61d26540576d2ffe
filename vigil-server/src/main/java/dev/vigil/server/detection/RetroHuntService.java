package dev.vigil.server.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.detection.internal.HuntRules;
import dev.vigil.server.detection.internal.StoredEvents;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Retro-hunts: run a stored rule, or rule text, over the stored events of a time range that the requester may read.
 * Hunts run one at a time in the background (a few may wait); their results are kept in memory for the last
 * {@value #KEPT} hunts, so a restart forgets them (the hunt can be run again; the request is in the audit trail).
 */
@Service
public class RetroHuntService {

    static final int KEPT = 50;
    static final int MAX_HITS = 1000;
    private static final int QUEUE = 4;
    private static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final Logger log = LoggerFactory.getLogger(RetroHuntService.class);

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EventSearchService search;
    private final EventStore store;
    private final HuntRules rules;
    private final Clock clock;
    private final long maxEvents;
    private final Map<UUID, Hunt> hunts = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Hunt> eldest) {
            return size() > KEPT;
        }
    });
    private final ExecutorService runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
            Thread.ofPlatform().name("retro-hunt").daemon().factory());

    RetroHuntService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, EventSearchService search, EventStore store, HuntRules rules,
            Clock clock, VigilProperties properties) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.search = search;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.maxEvents = properties.detection().retroHuntMaxEvents();
    }

    /** Starts a hunt of a stored rule ({@code ruleId}) or of rule text ({@code yaml}). */
    public RetroHuntView start(UUID ruleId, String yaml, Instant from, Instant to, boolean ignoreLogsource) {
        VigilPrincipal caller = access.requireCurrent();
        if (!caller.can("rule", "read") || !caller.can("event", "read")) {
            throw ProblemException.forbidden("forbidden", "a retro-hunt needs rule:read and event:read");
        }
        if ((ruleId == null) == (yaml == null || yaml.isBlank())) {
            throw ProblemException.badRequest("invalid-input", "give either ruleId or yaml");
        }
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badRequest("invalid-input", "from and to are required, from before to, at most "
                    + MAX_RANGE.toDays() + " days apart");
        }
        String text = ruleId != null ? RuleTester.storedYaml(jdbc, access, ruleId) : yaml;
        HuntRules.Compiled compiled = rules.compile(text, ignoreLogsource);
        TenantScope scope = search.scope();
        Hunt hunt = new Hunt(UUID.randomUUID(), ruleId, String.join(", ", compiled.titles()), caller.username(), from, to);
        audit.record(AuditEntry.success("rule.retro-hunt", "retro-hunt", hunt.id, null, Map.of("rules", compiled.titles(),
                "ruleId", ruleId == null ? "" : ruleId.toString(), "from", from.toString(), "to", to.toString())));
        hunts.put(hunt.id, hunt);
        try {
            runner.execute(() -> run(hunt, compiled, scope));
        } catch (RejectedExecutionException e) {
            hunts.remove(hunt.id);
            throw new ProblemException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "busy",
                    "retro-hunts are queued to their limit; try again when one finishes");
        }
        return hunt.view();
    }

    public RetroHuntView get(UUID id) {
        Hunt hunt = hunts.get(id);
        if (hunt == null || !visible(hunt)) {
            throw ProblemException.notFound("retro-hunt", id);
        }
        return hunt.view();
    }

    public List<RetroHuntView> list() {
        List<RetroHuntView> views = new ArrayList<>();
        synchronized (hunts) {
            hunts.values().stream().filter(this::visible).forEach(h -> views.add(h.view()));
        }
        Collections.reverse(views);
        return views;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private boolean visible(Hunt hunt) {
        VigilPrincipal caller = access.requireCurrent();
        return hunt.requestedBy.equals(caller.username()) || caller.canEverywhere("rule", "update");
    }

    private void run(Hunt hunt, HuntRules.Compiled compiled, TenantScope scope) {
        hunt.begin(clock.instant());
        try {
            StoredEvents.scan(store, new EventQuery("", hunt.from, hunt.to, scope), maxEvents, batch -> {
                for (Event event : batch) {
                    hunt.scanned++;
                    if (!compiled.match(StoredEvents.view(event)).isEmpty()) {
                        hunt.hit(event);
                    }
                }
            }, () -> hunt.truncated = true);
            hunt.finish(clock.instant(), null);
        } catch (RuntimeException e) {
            log.warn("retro-hunt {} failed", hunt.id, e);
            hunt.finish(clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static final class Hunt {
        final UUID id;
        final UUID ruleId;
        final String rule;
        final String requestedBy;
        final Instant from;
        final Instant to;
        final List<RetroHuntView.Hit> hits = Collections.synchronizedList(new ArrayList<>());
        volatile String status = "queued";
        volatile long scanned;
        volatile long matched;
        volatile boolean truncated;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile String error;

        Hunt(UUID id, UUID ruleId, String rule, String requestedBy, Instant from, Instant to) {
            this.id = id;
            this.ruleId = ruleId;
            this.rule = rule;
            this.requestedBy = requestedBy;
            this.from = from;
            this.to = to;
        }

        void begin(Instant at) {
            startedAt = at;
            status = "running";
        }

        void hit(Event event) {
            matched++;
            if (hits.size() < MAX_HITS) {
                hits.add(new RetroHuntView.Hit(event.id(), event.timestamp(), event.tenant(), StoredEvents.entities(event)));
            }
        }

        void finish(Instant at, String failure) {
            finishedAt = at;
            error = failure;
            status = failure == null ? "done" : "failed";
        }

        RetroHuntView view() {
            List<RetroHuntView.Hit> copy;
            synchronized (hits) {
                copy = List.copyOf(hits);
            }
            return new RetroHuntView(id, ruleId, rule, requestedBy, from, to, status, scanned, matched, truncated, copy, startedAt,
                    finishedAt, error);
        }
    }
}
