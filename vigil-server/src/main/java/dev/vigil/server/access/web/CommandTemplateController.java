package dev.vigil.server.access.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.CommandTemplateChange;
import dev.vigil.server.access.CommandTemplateService;
import dev.vigil.server.access.CommandTemplateView;
import dev.vigil.server.approval.ChangeView;
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

/** Pre-approved command templates (changed only through approval: 202 with the pending change); docs/BASTION.md. */
@RestController
@Tag(name = "Bastion")
class CommandTemplateController {

    private final CommandTemplateService templates;

    CommandTemplateController(CommandTemplateService templates) {
        this.templates = templates;
    }

    record ParameterRequest(@Size(max = 32) String name, @Size(max = 20) String type, Long min, Long max,
            @Size(max = 100) List<@Size(max = 255) String> values, @Size(max = 1000) String prefix) {
    }

    record TemplateRequest(@Size(max = 100) String name, @Size(max = 2000) String description, @Size(max = 4000) String command,
            @Size(max = 128) String target, @Size(max = 128) String targetGroup, @Size(max = 128) String account,
            @Size(max = 20) List<@Valid ParameterRequest> parameters, @Size(max = 2000) String reason) {
        CommandTemplateChange change() {
            return new CommandTemplateChange(name, description, command, target, targetGroup, account, parameters == null ? null
                    : parameters.stream().map(p -> p == null ? null : new CommandTemplateChange.Parameter(p.name(), p.type(), p.min(), p.max(),
                            p.values(), p.prefix())).toList());
        }
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    @GetMapping("/api/v1/access/command-templates")
    @Operation(summary = "Approved command templates at their current version")
    List<CommandTemplateView> list() {
        return templates.list();
    }

    @GetMapping("/api/v1/access/command-templates/{id}")
    @Operation(summary = "A command template with every approved version")
    CommandTemplateView get(@PathVariable UUID id) {
        return templates.get(id);
    }

    @PostMapping("/api/v1/access/command-templates")
    @Operation(summary = "Request a new command template {name, command, target | targetGroup, account, parameters, reason}; 202 with the change request")
    ResponseEntity<ChangeView> create(@Valid @RequestBody TemplateRequest request) {
        return accepted(templates.requestCreate(request.change(), request.reason()));
    }

    @PutMapping("/api/v1/access/command-templates/{id}")
    @Operation(summary = "Request a new version of a command template (same fields, same name); 202 with the change request")
    ResponseEntity<ChangeView> update(@PathVariable UUID id, @Valid @RequestBody TemplateRequest request) {
        return accepted(templates.requestUpdate(id, request.change(), request.reason()));
    }

    @DeleteMapping("/api/v1/access/command-templates/{id}")
    @Operation(summary = "Request the deletion of a command template {reason}; 202 with the change request")
    ResponseEntity<ChangeView> delete(@PathVariable UUID id, @Valid @RequestBody(required = false) Reason reason) {
        return accepted(templates.requestDelete(id, reason == null ? null : reason.reason()));
    }

    private static ResponseEntity<ChangeView> accepted(ChangeView change) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/changes/" + change.id())).body(change);
    }
}
