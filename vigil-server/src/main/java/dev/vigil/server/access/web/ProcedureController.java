package dev.vigil.server.access.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.ProcedureDefinition;
import dev.vigil.server.access.ProcedureService;
import dev.vigil.server.access.ProcedureView;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operating procedure templates (changed only through approval: 202 with the pending change); docs/BASTION.md. */
@RestController
@Tag(name = "Bastion")
class ProcedureController {

    private final ProcedureService procedures;

    ProcedureController(ProcedureService procedures) {
        this.procedures = procedures;
    }

    /** The definition as a JSON object or as YAML text (one of them), and why. */
    record ProcedureRequest(Map<String, Object> definition, @Size(max = 100_000) String yaml, @Size(max = 2000) String reason) {

        ProcedureDefinition parsed() {
            if ((definition == null) == (yaml == null)) {
                throw ProblemException.badRequest("invalid-procedure", "give the definition either as 'definition' (JSON) or as 'yaml' (text)");
            }
            return definition != null ? ProcedureDefinition.of(definition) : ProcedureDefinition.ofYaml(yaml);
        }
    }

    @GetMapping("/api/v1/procedures")
    @Operation(summary = "Operating procedure templates at their current version")
    List<ProcedureView> list() {
        return procedures.list();
    }

    @GetMapping("/api/v1/procedures/{id}")
    @Operation(summary = "An operating procedure template with every approved version")
    ProcedureView get(@PathVariable UUID id) {
        return procedures.get(id);
    }

    @PostMapping("/api/v1/procedures")
    @Operation(summary = "Request a new operating procedure {definition | yaml, reason}; 202 with the change request")
    ResponseEntity<ChangeView> create(@Valid @RequestBody ProcedureRequest request) {
        return accepted(procedures.requestCreate(request.parsed(), request.reason()));
    }

    @PutMapping("/api/v1/procedures/{id}")
    @Operation(summary = "Request a new version of an operating procedure (same name); 202 with the change request")
    ResponseEntity<ChangeView> update(@PathVariable UUID id, @Valid @RequestBody ProcedureRequest request) {
        return accepted(procedures.requestUpdate(id, request.parsed(), request.reason()));
    }

    private static ResponseEntity<ChangeView> accepted(ChangeView change) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/changes/" + change.id())).body(change);
    }
}
