package dev.vigil.server.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.ingest.SavedSearchService;
import dev.vigil.server.ingest.SavedSearchView;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Event search: query, time range, histogram, field facets, results, saved searches; and one event's detail. */
@Controller
class EventsPageController {

    static final List<String> RANGES = List.of("15m", "1h", "4h", "24h", "7d", "30d");
    static final List<String> FACETS = List.of("event.dataset", "event.action", "event.outcome", "host.name", "source.ip",
            "user.name", "input.name");
    private static final int PAGE = 50;

    private final EventSearchService search;
    private final SavedSearchService saved;
    private final Clock clock;

    EventsPageController(EventSearchService search, SavedSearchService saved, Clock clock) {
        this.search = search;
        this.saved = saved;
        this.clock = clock;
    }

    /** One bar of the histogram, with its place in the drawing. */
    record Bar(Instant start, long count, double x, double width, double height) {
    }

    @GetMapping("/events")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "24h") String range,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("range", range);
        model.addAttribute("ranges", RANGES);
        model.addAttribute("saved", saved.list());
        Instant to = Instant.now(clock);
        try {
            Instant from = to.minus(TimeExpression.duration("range", range));
            int start = Math.max(0, Math.min(offset, EventSearchService.MAX_WINDOW - PAGE));
            EventStore.SearchResult result = search.search(q, from, to, start, PAGE, false);
            model.addAttribute("total", result.total());
            model.addAttribute("events", result.events());
            model.addAttribute("offset", start);
            model.addAttribute("next", start + PAGE < Math.min(result.total(), EventSearchService.MAX_WINDOW) ? start + PAGE : -1);
            model.addAttribute("previous", start > 0 ? Math.max(0, start - PAGE) : -1);
            EventStore.Histogram histogram = search.histogram(q, from, to, null);
            model.addAttribute("bars", bars(histogram));
            model.addAttribute("interval", histogram.interval());
            Map<String, EventStore.TermsResult> facets = new LinkedHashMap<>();
            for (String field : FACETS) {
                facets.put(field, search.terms(q, from, to, field, 5));
            }
            model.addAttribute("facets", facets);
        } catch (ProblemException | QuerySyntaxException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("events", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("bars", List.of());
            model.addAttribute("facets", Map.of());
            model.addAttribute("next", -1);
            model.addAttribute("previous", -1);
        }
        return "events";
    }

    @GetMapping("/events/{id}")
    String detail(@PathVariable String id, Model model) {
        Event event = search.get(id).orElseThrow(() -> ProblemException.notFound("event", id));
        model.addAttribute("event", event);
        return "event";
    }

    @PostMapping("/events/saved")
    String save(@RequestParam String name, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "24h") String range,
            @RequestParam(defaultValue = "false") boolean shared, RedirectAttributes redirect) {
        String target = UriComponentsBuilder.fromPath("/events").queryParam("q", q).queryParam("range", range).encode().build().toUriString();
        return Flash.run(redirect, target, () -> {
            SavedSearchView created = saved.create(name, q, range, shared);
            return "Search '" + created.name() + "' saved.";
        });
    }

    @PostMapping("/events/saved/{id}/delete")
    String deleteSaved(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/events", () -> {
            saved.delete(id);
            return "Saved search deleted.";
        });
    }

    /** Bars of an SVG 1000 units wide and 100 high. */
    static List<Bar> bars(EventStore.Histogram histogram) {
        List<EventStore.Histogram.Bucket> buckets = histogram.buckets();
        long max = buckets.stream().mapToLong(EventStore.Histogram.Bucket::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        double width = buckets.isEmpty() ? 0 : 1000.0 / buckets.size();
        for (int i = 0; i < buckets.size(); i++) {
            EventStore.Histogram.Bucket bucket = buckets.get(i);
            double height = max == 0 ? 0 : Math.max(bucket.count() > 0 ? 1 : 0, 100.0 * bucket.count() / max);
            bars.add(new Bar(bucket.start(), bucket.count(), i * width, Math.max(width - 1, 0.5), height));
        }
        return bars;
    }

}
