package dev.vigil.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Hunts over stored events for other features (rules, indicators): the range is read oldest first within the tenants
 * the requester may read, in the background, one hunt at a time (a few may wait). Results of the last {@value #KEPT}
 * hunts stay in memory, so a restart forgets them; the hunt can be run again and its request is in the audit trail
 * (recorded by the feature that starts it).
 */
@Service
public class EventHunts {

    static final int KEPT = 50;
    static final int MAX_HITS = 1000;
    static final int PAGE = 5_000;
    private static final int QUEUE = 4;
    private static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final Logger log = LoggerFactory.getLogger(EventHunts.class);

    private final AccessPolicy access;
    private final EventSearchService search;
    private final EventStore store;
    private final Clock clock;
    private final long maxEvents;
    private final Map<UUID, Hunt> hunts = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Hunt> eldest) {
            return size() > KEPT;
        }
    });
    private final ExecutorService runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
            Thread.ofPlatform().name("event-hunt").daemon().factory());

    EventHunts(AccessPolicy access, EventSearchService search, EventStore store, Clock clock, VigilProperties properties) {
        this.access = access;
        this.search = search;
        this.store = store;
        this.clock = clock;
        this.maxEvents = properties.detection().retroHuntMaxEvents();
    }

    /** Checks the range; 400 naming what is wrong. */
    public static void validateRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badRequest("invalid-input", "from and to are required, from before to, at most "
                    + MAX_RANGE.toDays() + " days apart");
        }
    }

    /**
     * Starts a hunt as the current caller (who needs event:read; the hunt sees only their tenants' events).
     *
     * @param matcher the detail of a match (e.g. the rules or indicators that matched), or null for no match; it runs on
     *                the hunt's thread
     */
    public EventHuntView start(String kind, String subjectId, String subject, Instant from, Instant to,
            Function<Event, String> matcher) {
        VigilPrincipal caller = access.requireCurrent();
        if (!caller.can("event", "read")) {
            throw ProblemException.forbidden("forbidden", "a hunt over stored events needs event:read");
        }
        validateRange(from, to);
        TenantScope scope = search.scope();
        Hunt hunt = new Hunt(UUID.randomUUID(), kind, subjectId, subject, caller.username(), from, to);
        hunts.put(hunt.id, hunt);
        try {
            runner.execute(() -> run(hunt, scope, matcher));
        } catch (RejectedExecutionException e) {
            hunts.remove(hunt.id);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "busy", "hunts are queued to their limit; try again when one finishes");
        }
        return hunt.view();
    }

    /**
     * Starts a hunt the platform runs by itself over every tenant's events (no caller, e.g. the automatic retro-hunt
     * of new indicators); {@code requestedBy} names the job. Empty when the hunt queue is full.
     */
    public java.util.Optional<EventHuntView> startUnattended(String kind, String subjectId, String subject, String requestedBy,
            Instant from, Instant to, Function<Event, String> matcher) {
        validateRange(from, to);
        Hunt hunt = new Hunt(UUID.randomUUID(), kind, subjectId, subject, requestedBy, from, to);
        hunts.put(hunt.id, hunt);
        try {
            runner.execute(() -> run(hunt, TenantScope.ALL, matcher));
        } catch (RejectedExecutionException e) {
            hunts.remove(hunt.id);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(hunt.view());
    }

    /** One of the caller's hunts of this kind; 404 for another's or another kind's. */
    public EventHuntView get(UUID id, String kind) {
        Hunt hunt = hunts.get(id);
        if (hunt == null || !hunt.kind.equals(kind) || !visible(hunt)) {
            throw ProblemException.notFound("retro-hunt", id);
        }
        return hunt.view();
    }

    /** The caller's hunts of one kind, newest first. */
    public List<EventHuntView> list(String kind) {
        List<EventHuntView> views = new ArrayList<>();
        synchronized (hunts) {
            hunts.values().stream().filter(h -> h.kind.equals(kind) && visible(h)).forEach(h -> views.add(h.view()));
        }
        Collections.reverse(views);
        return views;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private boolean visible(Hunt hunt) {
        return hunt.requestedBy.equals(access.requireCurrent().username());
    }

    private void run(Hunt hunt, TenantScope scope, Function<Event, String> matcher) {
        hunt.begin(clock.instant());
        try {
            boolean complete = scan(store, new EventQuery("", hunt.from, hunt.to, scope), maxEvents, batch -> {
                for (Event event : batch) {
                    hunt.scanned++;
                    String detail = matcher.apply(event);
                    if (detail != null) {
                        hunt.hit(event, detail);
                    }
                }
            });
            hunt.truncated = !complete;
            hunt.finish(clock.instant(), null);
        } catch (RuntimeException e) {
            log.warn("hunt {} failed", hunt.id, e);
            hunt.finish(clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Feeds every event of the query's range to {@code consumer}, oldest slices first, at most {@code maxEvents}; false
     * when the range held more. The range is split in time until a slice fits one search, so no slice is paged deeply
     * (a slice of one millisecond that still holds more is paged).
     */
    static boolean scan(EventStore store, EventQuery query, long maxEvents, Consumer<List<Event>> consumer) {
        Deque<Instant[]> slices = new ArrayDeque<>();
        slices.push(new Instant[] {query.from(), query.to()});
        long seen = 0;
        while (!slices.isEmpty()) {
            Instant[] slice = slices.pop();
            EventQuery sliceQuery = new EventQuery(query.text(), slice[0], slice[1], query.tenants());
            long count = store.count(sliceQuery);
            if (count == 0) {
                continue;
            }
            long millis = slice[1].toEpochMilli() - slice[0].toEpochMilli();
            if (count > PAGE && millis > 1) {
                Instant middle = Instant.ofEpochMilli(slice[0].toEpochMilli() + millis / 2);
                slices.push(new Instant[] {middle, slice[1]});
                slices.push(new Instant[] {slice[0], middle});
                continue;
            }
            for (int offset = 0; offset < count; offset += PAGE) {
                if (seen >= maxEvents) {
                    return false;
                }
                int size = (int) Math.min(PAGE, Math.min(count - offset, maxEvents - seen));
                List<Event> events = store.search(new EventStore.SearchRequest(sliceQuery, offset, size,
                        EventStore.Sort.OLDEST_FIRST)).events();
                if (events.isEmpty()) {
                    break;
                }
                seen += events.size();
                consumer.accept(events);
            }
        }
        return true;
    }

    private static final class Hunt {
        final UUID id;
        final String kind;
        final String subjectId;
        final String subject;
        final String requestedBy;
        final Instant from;
        final Instant to;
        final List<EventHuntView.Hit> hits = Collections.synchronizedList(new ArrayList<>());
        volatile String status = "queued";
        volatile long scanned;
        volatile long matched;
        volatile boolean truncated;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile String error;

        Hunt(UUID id, String kind, String subjectId, String subject, String requestedBy, Instant from, Instant to) {
            this.id = id;
            this.kind = kind;
            this.subjectId = subjectId;
            this.subject = subject;
            this.requestedBy = requestedBy;
            this.from = from;
            this.to = to;
        }

        void begin(Instant at) {
            startedAt = at;
            status = "running";
        }

        void hit(Event event, String detail) {
            matched++;
            if (hits.size() < MAX_HITS) {
                hits.add(new EventHuntView.Hit(event.id(), event.timestamp(), event.tenant(), EventEntities.of(event), detail));
            }
        }

        void finish(Instant at, String failure) {
            finishedAt = at;
            error = failure;
            status = failure == null ? "done" : "failed";
        }

        EventHuntView view() {
            List<EventHuntView.Hit> copy;
            synchronized (hits) {
                copy = List.copyOf(hits);
            }
            return new EventHuntView(id, kind, subjectId, subject, requestedBy, from, to, status, scanned, matched, truncated, copy,
                    startedAt, finishedAt, error);
        }
    }
}
