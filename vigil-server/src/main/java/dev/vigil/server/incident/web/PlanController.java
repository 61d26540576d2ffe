package dev.vigil.server.incident.web;

import java.util.List;

import dev.vigil.server.incident.EmergencyPlan;
import dev.vigil.server.incident.PlanService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Emergency plans per incident type and level (0 = every level). */
@RestController
@Tag(name = "Incidents")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/incidents/plans")
    List<PlanService.PlanView> list() {
        return plans.list();
    }

    @GetMapping("/api/v1/incidents/plans/{type}/{level}")
    PlanService.PlanView get(@PathVariable String type, @PathVariable int level) {
        return plans.get(type, level);
    }

    @PutMapping("/api/v1/incidents/plans/{type}/{level}")
    @Operation(summary = "Replace the plan of a type and level (0 = every level); new incidents get the new version")
    PlanService.PlanView put(@PathVariable String type, @PathVariable int level, @RequestBody EmergencyPlan plan) {
        return plans.put(type, level, plan);
    }
}
