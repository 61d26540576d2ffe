package dev.vigil.server.incident.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.vigil.server.incident.HarmAssessmentService;
import dev.vigil.server.alerting.NoticeView;
import dev.vigil.server.incident.ImpactScopeService;
import dev.vigil.server.incident.IncidentNotices;
import dev.vigil.server.incident.IncidentSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's impact: the harm assessment, the event search that widens its scope, the bastion sessions linked to it,
 * and the notices to the tenants it affects.
 */
@RestController
@Tag(name = "Incidents")
class IncidentImpactController {

    private final HarmAssessmentService harm;
    private final ImpactScopeService scopes;
    private final IncidentSessions sessions;
    private final IncidentNotices notices;

    IncidentImpactController(HarmAssessmentService harm, ImpactScopeService scopes, IncidentSessions sessions, IncidentNotices notices) {
        this.harm = harm;
        this.scopes = scopes;
        this.sessions = sessions;
        this.notices = notices;
    }

    record ScopeSearchRequest(UUID savedSearchId) {
    }

    record SessionRequest(@NotNull UUID sessionId) {
    }

    @PutMapping("/api/v1/incidents/{id}/harm")
    @Operation(summary = "Assess the harm: confidentiality, integrity and availability impact (unknown, none, low, medium, high), "
            + "records and people affected, whether a regulator must be told")
    HarmAssessmentService.Harm assessHarm(@PathVariable UUID id, @RequestBody HarmAssessmentService.HarmChange request) {
        return harm.assess(id, request);
    }

    @PutMapping("/api/v1/incidents/{id}/scope/search")
    @Operation(summary = "Attach a saved event search (its hosts widen the impact scope; the time range is fixed now), "
            + "or detach it with a null savedSearchId; answers with the new scope")
    ImpactScopeService.ImpactScope attachSearch(@PathVariable UUID id, @RequestBody ScopeSearchRequest request) {
        return scopes.attachSearch(id, request == null ? null : request.savedSearchId());
    }

    @PostMapping("/api/v1/incidents/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a bastion session to the incident; its start, commands and end join the timeline with its recording")
    IncidentSessions.LinkedSession linkSession(@PathVariable UUID id, @Valid @RequestBody SessionRequest request) {
        return sessions.link(id, request.sessionId());
    }

    @GetMapping("/api/v1/incidents/{id}/sessions")
    @Operation(summary = "The bastion sessions linked to the incident (details only where the caller may read the session)")
    List<IncidentSessions.LinkedSession> linkedSessions(@PathVariable UUID id) {
        return sessions.linked(id);
    }

    @PostMapping("/api/v1/incidents/{id}/notices/preview")
    @Operation(summary = "Preview the notice each affected tenant would get: the template of the incident's type and level "
            + "filled with the incident, the tenant's affected services, what it should do (actions) and whom to contact")
    List<IncidentNotices.NoticePreview> previewNotices(@PathVariable UUID id, @RequestBody IncidentNotices.NoticeRequest request) {
        return notices.preview(id, request);
    }

    @PostMapping("/api/v1/incidents/{id}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Notify affected tenants (all, or those named) through tenant notices; recorded on the timeline and audited")
    List<NoticeView> sendNotices(@PathVariable UUID id, @RequestBody IncidentNotices.NoticeRequest request) {
        return notices.send(id, request);
    }

    @GetMapping("/api/v1/incidents/{id}/notices")
    @Operation(summary = "The notices sent to tenants about the incident, with their deliveries")
    List<NoticeView> sentNotices(@PathVariable UUID id) {
        return notices.sent(id);
    }
}
