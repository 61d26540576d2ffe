package dev.vigil.server.vuln.web;

import java.time.Instant;
import java.util.UUID;

import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.vuln.RiskAcceptanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Asking to accept a finding's risk; the answer is the change request an approver decides. */
@RestController
@Tag(name = "Vulnerabilities")
class RiskAcceptanceController {

    private final RiskAcceptanceService acceptances;

    RiskAcceptanceController(RiskAcceptanceService acceptances) {
        this.acceptances = acceptances;
    }

    record AcceptanceRequest(@Size(max = 2000) String reason, Instant until) {
    }

    @PostMapping("/api/v1/vuln/findings/{id}/risk-acceptance")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask to accept a finding's risk until a date (at most 366 days) for a reason; someone else with "
            + "change:approve decides it at /api/v1/changes/{id}/approve; the risk returns to triage when the date passes")
    ChangeView request(@PathVariable UUID id, @Valid @RequestBody AcceptanceRequest request) {
        return acceptances.request(id, request.reason(), request.until());
    }
}
