package dev.vigil.server.vuln.web;

import java.util.List;

import dev.vigil.server.vuln.AssetRisk;
import dev.vigil.server.vuln.RiskService;
import dev.vigil.server.vuln.TenantPosture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Risk per asset and tenant posture (formula in docs/risk.md). */
@RestController
@Tag(name = "Risk")
class RiskController {

    private final RiskService risk;

    RiskController(RiskService risk) {
        this.risk = risk;
    }

    @GetMapping("/api/v1/risk/assets")
    @Operation(summary = "The riskiest assets (0-1000) with the inputs of their score")
    List<AssetRisk> top(@RequestParam(required = false) String tenant, @RequestParam(defaultValue = "20") int limit) {
        return risk.top(tenant, limit);
    }

    @GetMapping("/api/v1/risk/posture")
    @Operation(summary = "A tenant's posture now and its daily history")
    TenantPosture posture(@RequestParam String tenant, @RequestParam(defaultValue = "30") int days) {
        return risk.posture(tenant, days);
    }
}
