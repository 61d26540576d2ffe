package dev.vigil.server.approval.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Change requests: list, inspect, and decide (approve, reject), withdraw one's own, review emergency changes. */
@RestController
@Tag(name = "Changes")
class ChangeController {

    private final ChangeRequests changes;

    ChangeController(ChangeRequests changes) {
        this.changes = changes;
    }

    record Decision(@Size(max = 4000) String comment) {
    }

    @GetMapping("/api/v1/changes")
    @Operation(summary = "Change requests visible to the caller, newest first; filter by state, kind, subject, or review=required")
    List<ChangeView> list(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String review) {
        return changes.list(state, kind, subject, "required".equals(review));
    }

    @GetMapping("/api/v1/changes/{id}")
    ChangeView get(@PathVariable UUID id) {
        return changes.get(id);
    }

    @PostMapping("/api/v1/changes/{id}/approve")
    @Operation(summary = "Approve (not one's own change); the approval that completes the policy applies the change")
    ChangeView approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.approve(id, decision == null ? null : decision.comment());
    }

    @PostMapping("/api/v1/changes/{id}/reject")
    @Operation(summary = "Reject with a comment saying why")
    ChangeView reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.reject(id, decision == null ? null : decision.comment());
    }

    @PostMapping("/api/v1/changes/{id}/withdraw")
    @Operation(summary = "Withdraw one's own pending change")
    ChangeView withdraw(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.withdraw(id, decision == null ? null : decision.comment());
    }

    @PostMapping("/api/v1/changes/{id}/review")
    @Operation(summary = "Review an emergency change after the fact (by another approver), with a comment")
    ChangeView review(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        return changes.review(id, decision == null ? null : decision.comment());
    }
}
