package dev.vigil.server.intel.web;

import java.util.List;

import dev.vigil.server.intel.AttackCoverage;
import dev.vigil.server.intel.AttackCoverageService;
import dev.vigil.server.intel.AttackMatrixView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** MITRE ATT&CK matrices and the coverage of their techniques by detection rules and recent alerts. */
@RestController
@Tag(name = "Threat intelligence")
class AttackController {

    private final AttackCoverageService attack;

    AttackController(AttackCoverageService attack) {
        this.attack = attack;
    }

    @PostMapping(path = "/api/v1/intel/attack", consumes = {"application/json", "application/stix+json", "application/octet-stream"})
    @Operation(summary = "Load (or replace) an ATT&CK matrix from its STIX 2.1 bundle (enterprise-attack.json, ics-attack.json, ...)")
    AttackMatrixView load(@RequestBody byte[] bundle) {
        return attack.load(bundle);
    }

    @GetMapping("/api/v1/intel/attack")
    List<AttackMatrixView> matrices() {
        return attack.matrices();
    }

    @GetMapping("/api/v1/intel/attack/{matrix}/coverage")
    @Operation(summary = "Per tactic, each technique with the enabled rules tagged attack.tNNNN and the detection alerts of the last days")
    AttackCoverage coverage(@PathVariable String matrix, @RequestParam(defaultValue = "30") int days) {
        return attack.coverage(matrix, days);
    }
}
