package dev.vigil.server.intel.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.intel.FeedChange;
import dev.vigil.server.intel.FeedPollResult;
import dev.vigil.server.intel.FeedService;
import dev.vigil.server.intel.FeedView;
import dev.vigil.server.intel.IndicatorImportReport;
import dev.vigil.server.intel.IndicatorHuntService;
import dev.vigil.server.intel.IndicatorView;
import dev.vigil.server.ingest.EventHuntView;
import dev.vigil.server.intel.IntelStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Indicator feeds: create, switch, import (CSV or plain list as the request body), browse and look up indicators. */
@RestController
@Tag(name = "Threat intelligence")
class FeedController {

    private final FeedService feeds;
    private final IndicatorHuntService hunts;

    FeedController(FeedService feeds, IndicatorHuntService hunts) {
        this.feeds = feeds;
        this.hunts = hunts;
    }

    record FeedRequest(@Size(max = 100) String name, @Size(max = 20) String format, @Size(max = 200) String source,
            @Size(max = 2000) String description, @Size(max = 64) String tenant, Integer confidence, Integer expiresAfterDays,
            @Size(max = 20) String tlp, @Size(max = 2000) String url, Integer pollMinutes, @Size(max = 64) String authHeader,
            @Size(max = 4096) String authValue) {

        FeedChange change() {
            return new FeedChange(name, format, source, description, tenant, confidence, expiresAfterDays, tlp, url, pollMinutes,
                    authHeader, authValue);
        }
    }

    record EnabledRequest(@NotNull Boolean enabled) {
    }

    @GetMapping("/api/v1/intel/feeds")
    List<FeedView> list() {
        return feeds.list();
    }

    @PostMapping("/api/v1/intel/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a feed: format (csv, plain, stix, misp, abusech-csv, threatfox-json, taxii), default confidence, "
            + "expiry and TLP of its indicators, optional tenant, optional URL fetched every pollMinutes with an optional credential header")
    FeedView create(@Valid @RequestBody FeedRequest request) {
        return feeds.create(request.change());
    }

    @PutMapping("/api/v1/intel/feeds/{id}")
    @Operation(summary = "Change a feed's settings (confidence, expiry, TLP, URL, schedule, credential); absent fields keep their value")
    FeedView update(@PathVariable UUID id, @Valid @RequestBody FeedRequest request) {
        return feeds.update(id, request.change());
    }

    @PostMapping("/api/v1/intel/feeds/{id}/poll")
    @Operation(summary = "Fetch the feed's URL now: conditional GET, MISP manifest and events, or a TAXII poll for new objects")
    FeedPollResult poll(@PathVariable UUID id) {
        return feeds.poll(id);
    }

    @GetMapping("/api/v1/intel/feeds/{id}")
    FeedView get(@PathVariable UUID id) {
        return feeds.get(id);
    }

    @PutMapping("/api/v1/intel/feeds/{id}/enabled")
    FeedView enable(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
        return feeds.setEnabled(id, request.enabled());
    }

    @PutMapping("/api/v1/intel/feeds/{id}/tenants/{tenant}")
    @Operation(summary = "Switch a feed shared by every tenant off (enabled=false) or on again for one tenant; audited, live at once")
    FeedView enableForTenant(@PathVariable UUID id, @PathVariable String tenant, @Valid @RequestBody EnabledRequest request) {
        return feeds.setEnabledForTenant(id, tenant, request.enabled());
    }

    @GetMapping("/api/v1/intel/feeds/{id}/indicators")
    List<IndicatorView> indicators(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return feeds.indicators(id, limit, offset);
    }

    @PostMapping(path = "/api/v1/intel/feeds/{id}/indicators", consumes = {"text/csv", "text/plain", "application/json",
            "application/stix+json", "application/zip", "application/octet-stream"})
    @Operation(summary = "Replace the feed's indicators with the body, in the feed's format (a MISP feed as a zip)")
    IndicatorImportReport importIndicators(@PathVariable UUID id, @RequestBody byte[] body) {
        return feeds.importIndicators(id, body);
    }

    record HuntRequest(UUID feedId, @Size(max = 10_000) List<String> values, Instant from, Instant to) {
    }

    @PostMapping("/api/v1/intel/retro-hunts")
    @Operation(summary = "Look a feed's indicators (feedId) or given indicators (values) up in the stored events of [from, to); runs in the background")
    EventHuntView hunt(@Valid @RequestBody HuntRequest request) {
        return hunts.start(request.feedId(), request.values(), request.from(), request.to());
    }

    @GetMapping("/api/v1/intel/retro-hunts")
    List<EventHuntView> hunts() {
        return hunts.list();
    }

    @GetMapping("/api/v1/intel/retro-hunts/{id}")
    EventHuntView huntGet(@PathVariable UUID id) {
        return hunts.get(id);
    }

    @GetMapping("/api/v1/intel/status")
    @Operation(summary = "How many indicators the live matcher holds")
    IntelStatus status() {
        return feeds.status();
    }

    @GetMapping("/api/v1/intel/indicators")
    @Operation(summary = "Indicators with this value (case-insensitive) in every feed")
    List<IndicatorView> lookup(@RequestParam String value) {
        return feeds.lookup(value);
    }
}
