package dev.vigil.server.monitoring.web;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.monitoring.ComponentChange;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service component catalogue. */
@RestController
@Tag(name = "Monitoring")
class ComponentController {

    private final ComponentService components;

    ComponentController(ComponentService components) {
        this.components = components;
    }

    @GetMapping("/api/v1/components")
    List<ComponentView> list() {
        return components.list();
    }

    @PostMapping("/api/v1/components")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a component: name, owner, tenant, criticality (low..critical), exposure (internal/external), assets, "
            + "upstream (names of components it depends on), scrapeUrl and scrapeInterval for its metrics")
    ComponentView create(@RequestBody(required = false) ComponentChange change) {
        return components.create(change);
    }

    @GetMapping("/api/v1/components/{id}")
    ComponentView get(@PathVariable UUID id) {
        return components.get(id);
    }

    @PutMapping("/api/v1/components/{id}")
    ComponentView update(@PathVariable UUID id, @RequestBody(required = false) ComponentChange change) {
        return components.update(id, change);
    }

    @DeleteMapping("/api/v1/components/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        components.delete(id);
    }
}
