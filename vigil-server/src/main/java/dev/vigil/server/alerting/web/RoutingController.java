package dev.vigil.server.alerting.web;

import java.util.List;

import dev.vigil.server.alerting.RoutingService;
import dev.vigil.server.alerting.RoutingView;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The alert routing tree (Alertmanager configuration format), versioned. */
@RestController
@Tag(name = "Notifications")
class RoutingController {

    private final RoutingService routing;

    RoutingController(RoutingService routing) {
        this.routing = routing;
    }

    @GetMapping("/api/v1/alerting/routing")
    @Operation(summary = "The routing tree in force (404 when there is none)")
    RoutingView current() {
        return routing.current().filter(v -> !v.yaml().isBlank())
                .orElseThrow(() -> ProblemException.notFound("routing tree", "current"));
    }

    @GetMapping("/api/v1/alerting/routing/versions")
    List<RoutingView> versions() {
        return routing.versions();
    }

    @PutMapping(path = "/api/v1/alerting/routing", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @Operation(summary = "Put a new routing tree (route, receivers naming Vigil receivers, time_intervals, inhibit_rules); an empty body switches routing off")
    RoutingView put(@RequestBody(required = false) String yaml) {
        return routing.set(yaml);
    }
}
