package dev.vigil.server.ingest.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventStore;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.ingest.SavedSearchService;
import dev.vigil.server.ingest.SavedSearchView;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event search. The query language is Lucene's classic syntax over the schema's field names (docs/EVENT-SCHEMA.md),
 * e.g. {@code event.action:ssh_login AND event.outcome:failure AND NOT source.ip:10.*}; times are ISO-8601 instants or
 * {@code now-24h}.
 */
@RestController
@Tag(name = "Events")
class EventSearchController {

    private static final String QUERY_HELP = "Lucene query syntax over schema field names; empty or * for all events";
    private static final String TIME_HELP = "ISO-8601 instant, now, or now-<n>(s|m|h|d|w)";

    private final EventSearchService search;
    private final SavedSearchService saved;
    private final Clock clock;

    EventSearchController(EventSearchService search, SavedSearchService saved, Clock clock) {
        this.search = search;
        this.saved = saved;
        this.clock = clock;
    }

    record SearchAnswer(long total, List<Event> events) {
    }

    @GetMapping("/api/v1/events/search")
    @Operation(summary = "Events matching a query in a time range, newest first", description = """
            Returns the total number of matches and one page of events (offset/size, at most 10000 deep).""")
    SearchAnswer searchEvents(@Parameter(description = QUERY_HELP) @RequestParam(defaultValue = "") String q,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String from,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "desc") String order) {
        if (!order.equals("desc") && !order.equals("asc")) {
            throw ProblemException.badRequest("invalid-input", "order must be desc or asc");
        }
        Instant now = Instant.now(clock);
        EventStore.SearchResult result = search.search(q, TimeExpression.parse("from", from, now), TimeExpression.parse("to", to, now),
                offset, size, order.equals("asc"));
        return new SearchAnswer(result.total(), result.events());
    }

    record CountAnswer(long count) {
    }

    @GetMapping("/api/v1/events/count")
    @Operation(summary = "Number of events matching a query in a time range")
    CountAnswer count(@Parameter(description = QUERY_HELP) @RequestParam(defaultValue = "") String q,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String from,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String to) {
        Instant now = Instant.now(clock);
        return new CountAnswer(search.count(q, TimeExpression.parse("from", from, now), TimeExpression.parse("to", to, now)));
    }

    @GetMapping("/api/v1/events/histogram")
    @Operation(summary = "Counts per time bucket (date histogram); interval such as 1m, 1h, chosen when omitted")
    EventStore.Histogram histogram(@RequestParam(defaultValue = "") String q,
            @Parameter(description = TIME_HELP) @RequestParam(defaultValue = "now-24h") String from,
            @Parameter(description = TIME_HELP) @RequestParam(defaultValue = "now") String to,
            @RequestParam(required = false) String interval) {
        Instant now = Instant.now(clock);
        Duration step = interval == null || interval.isBlank() ? null : TimeExpression.duration("interval", interval);
        return search.histogram(q, TimeExpression.parse("from", from, now), TimeExpression.parse("to", to, now), step);
    }

    @GetMapping("/api/v1/events/terms")
    @Operation(summary = "Most frequent values of a field (terms aggregation)")
    EventStore.TermsResult terms(@RequestParam(defaultValue = "") String q, @RequestParam String field,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String from,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "10") int size) {
        Instant now = Instant.now(clock);
        return search.terms(q, TimeExpression.parse("from", from, now), TimeExpression.parse("to", to, now), field, size);
    }

    @GetMapping("/api/v1/events/cardinality")
    @Operation(summary = "Number of distinct values of a field among matching events")
    Map<String, Object> cardinality(@RequestParam(defaultValue = "") String q, @RequestParam String field,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String from,
            @Parameter(description = TIME_HELP) @RequestParam(required = false) String to) {
        Instant now = Instant.now(clock);
        return Map.of("field", field, "cardinality",
                search.cardinality(q, TimeExpression.parse("from", from, now), TimeExpression.parse("to", to, now), field));
    }

    @GetMapping("/api/v1/events/{id}")
    @Operation(summary = "One event by id: normalized fields and the original text")
    Event get(@PathVariable String id) {
        if (id.length() > 200) {
            throw ProblemException.badRequest("invalid-input", "an event id is at most 200 characters");
        }
        return search.get(id).orElseThrow(() -> ProblemException.notFound("event", id));
    }

    record SavedSearchRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 10_000) String query,
            @Size(max = 10) String timeRange, Boolean shared) {
    }

    @GetMapping("/api/v1/events/saved-searches")
    List<SavedSearchView> savedSearches() {
        return saved.list();
    }

    @PostMapping("/api/v1/events/saved-searches")
    @Operation(summary = "Save a search (query and a span such as 24h); shared ones are visible to every event reader")
    ResponseEntity<SavedSearchView> save(@Valid @RequestBody SavedSearchRequest request) {
        SavedSearchView created = saved.create(request.name(), request.query(), request.timeRange(),
                Boolean.TRUE.equals(request.shared()));
        return ResponseEntity.created(URI.create("/api/v1/events/saved-searches/" + created.id())).body(created);
    }

    @DeleteMapping("/api/v1/events/saved-searches/{id}")
    ResponseEntity<Void> deleteSaved(@PathVariable UUID id) {
        saved.delete(id);
        return ResponseEntity.noContent().build();
    }
}
