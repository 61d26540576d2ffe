package dev.vigil.server.alerting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.alerting.OnCallScheduleRequest;
import dev.vigil.server.alerting.OnCallScheduleView;
import dev.vigil.server.alerting.OnCallService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** On-call schedules: rotations, overrides, who is on call, and the coverage check. */
@RestController
@Tag(name = "On-call")
class OnCallController {

    private final OnCallService onCall;

    OnCallController(OnCallService onCall) {
        this.onCall = onCall;
    }

    record OverrideRequest(@Size(max = 64) String user, Instant from, Instant to) {
    }

    @GetMapping("/api/v1/oncall/schedules")
    List<OnCallScheduleView> list() {
        return onCall.list();
    }

    @PostMapping("/api/v1/oncall/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a schedule; rotations are layers (a later one wins where it has someone on call), overrides win over all")
    OnCallScheduleView create(@Valid @RequestBody OnCallScheduleRequest request) {
        return onCall.create(request);
    }

    @GetMapping("/api/v1/oncall/schedules/{id}")
    OnCallScheduleView get(@PathVariable UUID id) {
        return onCall.get(id);
    }

    @PutMapping("/api/v1/oncall/schedules/{id}")
    @Operation(summary = "Replace a schedule's name, time zone and rotations (its overrides stay)")
    OnCallScheduleView update(@PathVariable UUID id, @Valid @RequestBody OnCallScheduleRequest request) {
        return onCall.update(id, request);
    }

    @DeleteMapping("/api/v1/oncall/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        onCall.delete(id);
    }

    @DeleteMapping("/api/v1/oncall/schedules/{id}/overrides/{overrideId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOverride(@PathVariable UUID id, @PathVariable UUID overrideId) {
        onCall.deleteOverride(id, overrideId);
    }

    @GetMapping("/api/v1/oncall/schedules/{id}/shifts")
    @Operation(summary = "Who is on call when in [from, to) (default the next 7 days, at most 92), nobody included as user null")
    List<OnCallScheduleView.ShiftView> shifts(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return onCall.shifts(id, from, to);
    }

    @PostMapping("/api/v1/oncall/schedules/{id}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    OnCallScheduleView.OverrideView override(@PathVariable UUID id, @Valid @RequestBody OverrideRequest request) {
        return onCall.addOverride(id, request.user(), request.from(), request.to());
    }

    @GetMapping("/api/v1/oncall/schedules/{id}/who")
    @Operation(summary = "Who is on call at an instant (default now)")
    OnCallScheduleView.WhoView who(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
        return onCall.who(id, at);
    }

    @GetMapping("/api/v1/oncall/schedules/{id}/coverage")
    @Operation(summary = "Every interval in [from, to) with nobody on call (default the next 7 days, at most 92 days)")
    OnCallScheduleView.CoverageView coverage(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return onCall.coverage(id, from, to);
    }
}
