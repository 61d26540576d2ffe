package dev.vigil.server.detection.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;

/** Reading stored events for detection: the rule-engine view of one, its entities, and a scan of a whole range. */
public final class StoredEvents {

    /** The event fields that name who and what a detection is about. */
    public static final List<String> ENTITY_FIELDS = List.of("host.name", "user.name", "source.ip", "destination.ip");

    /** Events fetched per search; a slice with more is split in time. */
    static final int PAGE = 5_000;

    private StoredEvents() {
    }

    public static dev.vigil.detect.event.Event view(Event event) {
        return new StoredEventView(event);
    }

    public static Map<String, String> entities(Event event) {
        Map<String, String> entities = new LinkedHashMap<>();
        for (String field : ENTITY_FIELDS) {
            Object value = event.fields().get(field);
            if (value != null && !(value instanceof List<?>) && !value.toString().isEmpty()) {
                entities.put(field, value.toString());
            }
        }
        return entities;
    }

    /**
     * Feeds every event of the query's range to {@code consumer}, oldest slices first, at most {@code maxEvents};
     * {@code onTruncated} runs when the range held more. The range is split in time until a slice fits one search,
     * so no slice is paged deeply (a slice of one millisecond that still holds more is paged).
     */
    public static void scan(EventStore store, EventQuery query, long maxEvents, Consumer<List<Event>> consumer, Runnable onTruncated) {
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
                    onTruncated.run();
                    return;
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
            if (seen >= maxEvents && !slices.isEmpty()) {
                onTruncated.run();
                return;
            }
        }
    }
}
