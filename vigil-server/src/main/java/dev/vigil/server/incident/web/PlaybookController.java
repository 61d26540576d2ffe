package dev.vigil.server.incident.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.incident.internal.playbook.DryRunView;
import dev.vigil.server.incident.internal.playbook.PlaybookRuns;
import dev.vigil.server.incident.internal.playbook.PlaybookService;
import dev.vigil.server.incident.internal.playbook.PlaybookView;
import dev.vigil.server.incident.internal.playbook.RunView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playbooks (changed only through approval: 202 with the pending change) and their runs on incidents. The format is in
 * docs/PLAYBOOKS.md.
 */
@RestController
@Tag(name = "Playbooks")
class PlaybookController {

    private final PlaybookService playbooks;
    private final PlaybookRuns runs;

    PlaybookController(PlaybookService playbooks, PlaybookRuns runs) {
        this.playbooks = playbooks;
        this.runs = runs;
    }

    /** A requested definition: the playbook's YAML as text, and why. */
    record DefinitionRequest(String definition, String reason) {
    }

    record Reason(String reason) {
    }

    record RunRequest(Boolean dryRun) {
    }

    @GetMapping("/api/v1/playbooks")
    List<PlaybookView> list() {
        return playbooks.list();
    }

    @GetMapping("/api/v1/playbooks/{id}")
    @Operation(summary = "A playbook with every approved version")
    PlaybookView get(@PathVariable UUID id) {
        return playbooks.get(id);
    }

    @PostMapping("/api/v1/playbooks")
    @Operation(summary = "Request a new playbook {definition (YAML), reason}; 202 with the change request to approve")
    ResponseEntity<ChangeView> create(@RequestBody(required = false) DefinitionRequest request) {
        DefinitionRequest body = request == null ? new DefinitionRequest(null, null) : request;
        return accepted(playbooks.requestCreate(body.definition(), body.reason()));
    }

    @PutMapping("/api/v1/playbooks/{id}")
    @Operation(summary = "Request a new version of a playbook {definition, reason}; 202 with the change request")
    ResponseEntity<ChangeView> update(@PathVariable UUID id, @RequestBody(required = false) DefinitionRequest request) {
        DefinitionRequest body = request == null ? new DefinitionRequest(null, null) : request;
        return accepted(playbooks.requestUpdate(id, body.definition(), body.reason()));
    }

    @DeleteMapping("/api/v1/playbooks/{id}")
    @Operation(summary = "Request the deletion of a playbook {reason}; 202 with the change request")
    ResponseEntity<ChangeView> delete(@PathVariable UUID id, @RequestBody(required = false) Reason reason) {
        return accepted(playbooks.requestDelete(id, reason == null ? null : reason.reason()));
    }

    @PostMapping("/api/v1/incidents/{id}/playbooks/{playbookId}/run")
    @Operation(summary = "Run a playbook on the incident: {dryRun: true} answers what each step would do; otherwise 202 with the queued run")
    ResponseEntity<?> run(@PathVariable UUID id, @PathVariable UUID playbookId, @RequestBody(required = false) RunRequest request) {
        if (request != null && Boolean.TRUE.equals(request.dryRun())) {
            DryRunView preview = runs.dryRun(id, playbookId);
            return ResponseEntity.ok(preview);
        }
        RunView run = runs.start(id, playbookId, "manual");
        return ResponseEntity.accepted().location(URI.create("/api/v1/incidents/" + id + "/playbook-runs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/incidents/{id}/playbook-runs")
    List<RunView> runs(@PathVariable UUID id) {
        return runs.runs(id);
    }

    @GetMapping("/api/v1/incidents/{id}/playbook-runs/{runId}")
    RunView runOf(@PathVariable UUID id, @PathVariable UUID runId) {
        return runs.run(id, runId);
    }

    @PostMapping("/api/v1/incidents/{id}/playbook-runs/{runId}/resume")
    @Operation(summary = "Resume a failed run from its first step not done (steps done are not repeated); 202")
    ResponseEntity<RunView> resume(@PathVariable UUID id, @PathVariable UUID runId) {
        return ResponseEntity.accepted().body(runs.resume(id, runId));
    }

    private static ResponseEntity<ChangeView> accepted(ChangeView change) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/changes/" + change.id())).body(change);
    }
}
