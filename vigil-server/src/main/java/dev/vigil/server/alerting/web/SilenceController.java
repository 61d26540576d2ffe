package dev.vigil.server.alerting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.alerting.SilenceService;
import dev.vigil.server.alerting.SilenceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Silences: hold notifications of matching alerts for a while (maintenance, known noise). */
@RestController
@Tag(name = "Notifications")
class SilenceController {

    private final SilenceService silences;

    SilenceController(SilenceService silences) {
        this.silences = silences;
    }

    record SilenceRequest(@Size(max = 50) List<@Size(max = 500) String> matchers, Instant startsAt, Instant endsAt,
            @Size(max = 2000) String comment) {
    }

    @GetMapping("/api/v1/alerting/silences")
    List<SilenceView> list() {
        return silences.list();
    }

    @PostMapping("/api/v1/alerting/silences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Silence alerts whose labels (alertname, severity, source, tenant, rule, host_name, …) match every matcher, "
            + "e.g. [\"severity=\\\"low\\\"\", \"host_name=~\\\"web-.*\\\"\"]")
    SilenceView create(@Valid @RequestBody SilenceRequest request) {
        return silences.create(request.matchers(), request.startsAt(), request.endsAt(), request.comment());
    }

    @PostMapping("/api/v1/alerting/silences/{id}/expire")
    SilenceView expire(@PathVariable UUID id) {
        return silences.expire(id);
    }
}
