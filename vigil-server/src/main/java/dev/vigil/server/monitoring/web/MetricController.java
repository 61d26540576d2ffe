package dev.vigil.server.monitoring.web;

import java.time.Instant;
import java.util.List;

import dev.vigil.server.monitoring.MetricQueries;
import dev.vigil.server.monitoring.MetricSeries;
import dev.vigil.server.monitoring.MetricSample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Instant queries over the scraped metrics (PromQL subset). */
@RestController
@Tag(name = "Monitoring")
class MetricController {

    private final MetricQueries queries;

    MetricController(MetricQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/metrics/query")
    @Operation(summary = "Evaluate a PromQL-subset expression at a time (default now) over the scraped series")
    List<MetricSample> query(@RequestParam String query, @RequestParam(required = false) Instant time) {
        return queries.instant(query, time);
    }

    @GetMapping("/api/v1/metrics/query_range")
    @Operation(summary = "Evaluate an expression at every step from start to end (as Prometheus's range queries); step e.g. 15s")
    List<MetricSeries> range(@RequestParam String query, @RequestParam Instant start, @RequestParam Instant end,
            @RequestParam(defaultValue = "15s") String step) {
        return queries.range(query, start, end, MetricQueries.step(step));
    }
}
