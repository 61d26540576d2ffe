package dev.vigil.server.intel.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.intel.AllowlistEntryView;
import dev.vigil.server.intel.IndicatorLifecycleService;
import dev.vigil.server.intel.SuppressionReport;
import dev.vigil.server.intel.VerdictView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The allowlist, the indicators it suppresses, and analysts' false-positive and revocation verdicts. */
@RestController
@Tag(name = "Threat intelligence")
class IndicatorLifecycleController {

    private final IndicatorLifecycleService lifecycle;

    IndicatorLifecycleController(IndicatorLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    record AllowRequest(@Size(max = 300) String value, Boolean subdomains, @Size(max = 500) String note) {
    }

    record VerdictRequest(@Size(max = 2000) String value, @Size(max = 20) String verdict, @Size(max = 2000) String reason) {
    }

    @GetMapping("/api/v1/intel/allowlist")
    @Operation(summary = "The allowlist: shipped resolvers and CDNs, then the own address ranges and domains")
    List<AllowlistEntryView> allowlist() {
        return lifecycle.allowlist();
    }

    @PostMapping("/api/v1/intel/allowlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Allowlist an address, network or domain (subdomains too unless subdomains is false)")
    AllowlistEntryView allow(@Valid @RequestBody AllowRequest request) {
        return lifecycle.allow(request.value(), request.subdomains() == null || request.subdomains(), request.note());
    }

    @DeleteMapping("/api/v1/intel/allowlist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disallow(@PathVariable UUID id) {
        lifecycle.disallow(id);
    }

    @GetMapping("/api/v1/intel/suppressed")
    @Operation(summary = "Indicators the allowlist keeps out of the live matcher, with the entry that suppresses each")
    SuppressionReport suppressed() {
        return lifecycle.suppressed();
    }

    @GetMapping("/api/v1/intel/verdicts")
    List<VerdictView> verdicts() {
        return lifecycle.verdicts();
    }

    @PostMapping("/api/v1/intel/verdicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mark an indicator value false-positive or revoked in every feed, with a reason")
    VerdictView judge(@Valid @RequestBody VerdictRequest request) {
        return lifecycle.judge(request.value(), request.verdict(), request.reason());
    }

    @DeleteMapping("/api/v1/intel/verdicts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a verdict: the value is matched again")
    void lift(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason) {
        lifecycle.lift(id, reason);
    }
}
