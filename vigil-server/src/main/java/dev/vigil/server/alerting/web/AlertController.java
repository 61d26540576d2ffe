package dev.vigil.server.alerting.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import dev.vigil.server.alerting.AlertFilter;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts from detections, monitors and source health: list, read, acknowledge, resolve. */
@RestController
@Tag(name = "Alerts")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    record AcknowledgeRequest(@Size(max = 2000) String comment) {
    }

    record BulkAcknowledgeRequest(@NotEmpty @Size(max = 500) List<UUID> ids, @Size(max = 2000) String comment) {
    }

    record ResolveRequest(@Size(max = 2000) String resolution) {
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Alerts newest first; filter by state (firing, resolved), severity, source, rule, tenant, acknowledged; page with before")
    List<AlertView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String source, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String tenant, @RequestParam(required = false) Boolean acknowledged,
            @RequestParam(required = false) Instant before, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return alerts.list(new AlertFilter(state, severity, source, rule, tenant, acknowledged, before, limit, offset));
    }

    @GetMapping("/api/v1/alerts/summary")
    @Operation(summary = "Firing alerts by severity")
    Map<String, Long> summary() {
        return alerts.firingBySeverity();
    }

    @GetMapping("/api/v1/alerts/{id}")
    AlertView get(@PathVariable UUID id) {
        return alerts.get(id);
    }

    @GetMapping("/api/v1/alerts/{id}/grouped")
    @Operation(summary = "The firing alerts grouped under this one: alerts of components downstream of the component it says is down")
    List<AlertView> grouped(@PathVariable UUID id) {
        return alerts.groupedUnder(id);
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert (idempotent: a second acknowledgement keeps the first)")
    AlertView acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) AcknowledgeRequest request) {
        return alerts.acknowledge(id, request == null ? null : request.comment());
    }

    @PostMapping("/api/v1/alerts/acknowledge")
    @Operation(summary = "Acknowledge several alerts at once")
    List<AlertView> acknowledgeAll(@Valid @RequestBody BulkAcknowledgeRequest request) {
        return request.ids().stream().map(id -> alerts.acknowledge(id, request.comment())).toList();
    }

    @PostMapping("/api/v1/alerts/{id}/resolve")
    @Operation(summary = "Resolve an alert with the reason it is closed")
    AlertView resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        return alerts.resolve(id, request.resolution());
    }
}
