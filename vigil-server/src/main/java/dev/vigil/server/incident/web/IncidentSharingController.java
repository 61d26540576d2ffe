package dev.vigil.server.incident.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import dev.vigil.server.incident.IncidentSharing;
import dev.vigil.server.incident.IncidentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sharing an incident's observables: its TLP and its STIX 2.1 bundle. */
@RestController
@Tag(name = "Incidents")
class IncidentSharingController {

    private final IncidentSharing sharing;

    IncidentSharingController(IncidentSharing sharing) {
        this.sharing = sharing;
    }

    record TlpRequest(@NotBlank String tlp) {
    }

    @GetMapping("/api/v1/incidents/{id}/stix")
    @Operation(summary = "The incident's observables as a STIX 2.1 bundle (producer identity, TLP marking, indicators, report)")
    ResponseEntity<byte[]> stix(@PathVariable UUID id) {
        return sharing.stixBundle(id).asAttachment();
    }

    @PutMapping("/api/v1/incidents/{id}/tlp")
    @Operation(summary = "Set the TLP the incident's observables are shared under: clear, green, amber, amber+strict or red")
    IncidentView tlp(@PathVariable UUID id, @Valid @RequestBody TlpRequest request) {
        return sharing.setTlp(id, request.tlp());
    }
}
