package dev.vigil.server.detection.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.vigil.server.detection.BaselineDefinition;
import dev.vigil.server.detection.BaselineService;
import dev.vigil.server.detection.BaselineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Learned baselines: detectors of new terms, rare values and unusual volumes per entity. */
@RestController
@Tag(name = "Detection baselines")
class BaselineController {

    private final BaselineService baselines;

    BaselineController(BaselineService baselines) {
        this.baselines = baselines;
    }

    record EnabledRequest(@NotNull Boolean enabled) {
    }

    @GetMapping("/api/v1/detection/baselines")
    List<BaselineView> list() {
        return baselines.list();
    }

    @PostMapping("/api/v1/detection/baselines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a baseline detector (kind new-terms, rarity or volume)")
    BaselineView create(@RequestBody BaselineDefinition definition) {
        return baselines.create(definition);
    }

    @GetMapping("/api/v1/detection/baselines/{name}")
    BaselineView get(@PathVariable String name) {
        return baselines.get(name);
    }

    @PutMapping("/api/v1/detection/baselines/{name}")
    @Operation(summary = "Change a baseline's definition (a new version; its learning starts over)")
    BaselineView update(@PathVariable String name, @RequestBody BaselineDefinition definition) {
        return baselines.update(name, definition);
    }

    @PutMapping("/api/v1/detection/baselines/{name}/enabled")
    BaselineView enable(@PathVariable String name, @Valid @RequestBody EnabledRequest request) {
        return baselines.setEnabled(name, request.enabled());
    }
}
