package dev.vigil.server.monitoring.web;

import java.time.Instant;
import java.util.List;

import dev.vigil.server.monitoring.MetricQueries;
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
}
