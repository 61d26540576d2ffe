package dev.vigil.server.incident.web;

import java.util.List;

import dev.vigil.server.incident.LevelEscalation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The escalation policy of each incident level, which its SLA breaches go through. */
@RestController
@Tag(name = "Incidents")
class LevelEscalationController {

    private final LevelEscalation levels;

    LevelEscalationController(LevelEscalation levels) {
        this.levels = levels;
    }

    record PolicyRequest(String policy) {
    }

    @GetMapping("/api/v1/incidents/escalation")
    List<LevelEscalation.LevelPolicy> list() {
        return levels.list();
    }

    @PutMapping("/api/v1/incidents/escalation/{level}")
    @Operation(summary = "Set the escalation policy SLA breaches of a level (1-4) go through; an empty policy removes it")
    List<LevelEscalation.LevelPolicy> set(@PathVariable int level, @RequestBody PolicyRequest request) {
        return levels.set(level, request == null ? null : request.policy());
    }
}
