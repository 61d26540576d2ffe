package dev.vigil.server.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.incident.GradingPolicy;
import dev.vigil.server.incident.IncidentLifecycle;
import dev.vigil.server.incident.IncidentMetrics;
import dev.vigil.server.incident.IncidentReports;
import dev.vigil.server.incident.ImpactScopeService;
import dev.vigil.server.incident.IncidentService;
import dev.vigil.server.incident.IncidentSummary;
import dev.vigil.server.incident.IncidentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Incident cases: open, list, read, move through phases, grade, merge alerts, timeline, report, metrics. */
@RestController
@Tag(name = "Incidents")
class IncidentController {

    private final IncidentService incidents;
    private final IncidentLifecycle lifecycle;
    private final IncidentReports reports;
    private final IncidentMetrics metrics;
    private final ImpactScopeService scopes;

    IncidentController(IncidentService incidents, IncidentLifecycle lifecycle, IncidentReports reports, IncidentMetrics metrics,
            ImpactScopeService scopes) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.reports = reports;
        this.metrics = metrics;
        this.scopes = scopes;
    }

    record CreateRequest(@Size(max = 500) String title, @Size(max = 20_000) String summary, String type, String tenant,
                         @Size(max = 100) List<UUID> alertIds, Instant startedAt, @Size(max = 500) List<String> affectedAssets) {
    }

    record TransitionRequest(@NotBlank String to, @Size(max = 2000) String reason) {
    }

    record GradingRequest(String impactScope, String assetCriticality, String dataSensitivity, @NotNull Boolean ongoing,
                          @Size(max = 500) List<String> affectedAssets, @Size(max = 10_000) String harm) {
    }

    record LevelRequest(@NotNull Integer level, String reason) {
    }

    record AlertsRequest(@NotNull @Size(min = 1, max = 100) List<UUID> alertIds) {
    }

    record NoteRequest(String text, Instant at) {
    }

    @PostMapping("/api/v1/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an incident from alert ids, or by hand with at least a title and a summary")
    IncidentView create(@Valid @RequestBody CreateRequest request) {
        return incidents.create(new IncidentService.NewIncident(request.title(), request.summary(), request.type(), request.tenant(),
                request.alertIds(), request.startedAt(), request.affectedAssets()));
    }

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "Incidents newest first; filter by phase and level")
    List<IncidentSummary> list(@RequestParam(required = false) String phase, @RequestParam(required = false) Integer level,
            @RequestParam(defaultValue = "200") int limit) {
        return incidents.list(phase, level, limit);
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "One incident with its timeline, SLA timers, alerts, tasks, observables, retests and review")
    IncidentView get(@PathVariable UUID id) {
        return incidents.get(id);
    }

    @GetMapping("/api/v1/incidents/{id}/scope")
    @Operation(summary = "Impact scope from the asset inventory: affected assets (recorded, and named by the alerts and "
            + "observables), everything depending on them (downstream) and what they depend on (upstream)")
    ImpactScopeService.ImpactScope scope(@PathVariable UUID id) {
        return scopes.of(id);
    }

    @PostMapping("/api/v1/incidents/{id}/transition")
    @Operation(summary = "Move an incident to another phase; 409 names the unmet requirements")
    IncidentView transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return lifecycle.transition(id, request.to(), request.reason());
    }

    @PostMapping("/api/v1/incidents/{id}/grading")
    @Operation(summary = "Assess impact scope, asset criticality, data sensitivity and ongoing; the policy proposes a level")
    IncidentView grade(@PathVariable UUID id, @Valid @RequestBody GradingRequest request) {
        return incidents.grade(id, new GradingPolicy.Factors(request.impactScope(), request.assetCriticality(), request.dataSensitivity(),
                request.ongoing()), request.affectedAssets(), request.harm());
    }

    @PutMapping("/api/v1/incidents/{id}/level")
    @Operation(summary = "Set the final level (1-4 = I-IV = P1-P4) with the reason")
    IncidentView level(@PathVariable UUID id, @Valid @RequestBody LevelRequest request) {
        return incidents.setLevel(id, request.level(), request.reason());
    }

    @PostMapping("/api/v1/incidents/{id}/alerts")
    @Operation(summary = "Merge alerts into an open incident")
    IncidentView merge(@PathVariable UUID id, @Valid @RequestBody AlertsRequest request) {
        return incidents.mergeAlerts(id, request.alertIds());
    }

    @GetMapping("/api/v1/incidents/{id}/suggestions")
    @Operation(summary = "Alerts that share entities (host, user, IP, indicator) with the incident and lie close in time")
    List<IncidentService.RelatedAlert> suggestions(@PathVariable UUID id) {
        return incidents.suggestions(id);
    }

    @PostMapping("/api/v1/incidents/{id}/timeline")
    @Operation(summary = "Add a manual timeline entry")
    IncidentView note(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
        return incidents.addNote(id, request.text(), request.at());
    }

    @GetMapping("/api/v1/incidents/{id}/report")
    @Operation(summary = "The post-incident report as pdf, html or json")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(defaultValue = "html") String format) {
        return reports.render(id, format).asAttachment();
    }

    @GetMapping("/api/v1/incidents/metrics")
    @Operation(summary = "Time to detect, acknowledge, contain and resolve per level and month, and SLA compliance")
    IncidentMetrics.Metrics metrics(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String tenant) {
        return metrics.compute(from, to, tenant);
    }
}
