package dev.vigil.server.access.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.ProcedureExecutionRequest;
import dev.vigil.server.access.ProcedureExecutionService;
import dev.vigil.server.access.ProcedureExecutionView;
import dev.vigil.server.access.ProcedureTick;
import dev.vigil.server.approval.ChangeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Executions of operating procedures: asked for, approved at /api/v1/changes, ticked step by step; docs/BASTION.md. */
@RestController
@Tag(name = "Bastion")
class ProcedureExecutionController {

    private final ProcedureExecutionService executions;

    ProcedureExecutionController(ProcedureExecutionService executions) {
        this.executions = executions;
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    @GetMapping("/api/v1/procedure-executions")
    @Operation(summary = "Procedure executions the caller may read (their own, or with procedure-execution:read), newest first; ?state=")
    List<ProcedureExecutionView> list(@RequestParam(required = false) String state) {
        return executions.list(state);
    }

    @GetMapping("/api/v1/procedure-executions/{id}")
    @Operation(summary = "A procedure execution with its steps and ticks, bound sessions and commands outside the plan")
    ProcedureExecutionView get(@PathVariable UUID id) {
        return executions.get(id);
    }

    @PostMapping("/api/v1/procedure-executions")
    @Operation(summary = "Ask to run a procedure {procedure, targets, account, purpose, from, until}; 202 with the change request that "
            + "the procedure's approvers (and the targets' tenant authorizer) decide")
    ResponseEntity<ChangeView> request(@RequestBody ProcedureExecutionRequest request) {
        ChangeView change = executions.request(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/procedure-executions/" + change.subject())).body(change);
    }

    @PostMapping("/api/v1/procedure-executions/{id}/steps/{step}/tick")
    @Operation(summary = "Tick the next step {evidence, sessionId + commandSeq, link}; the last tick completes the execution")
    ProcedureExecutionView tick(@PathVariable UUID id, @PathVariable int step, @RequestBody(required = false) ProcedureTick tick) {
        return executions.tick(id, step, tick);
    }

    @PostMapping("/api/v1/procedure-executions/{id}/abandon")
    @Operation(summary = "Abandon an execution {reason}; its grants end")
    ProcedureExecutionView abandon(@PathVariable UUID id, @Valid @RequestBody(required = false) Reason reason) {
        return executions.abandon(id, reason == null ? null : reason.reason());
    }
}
