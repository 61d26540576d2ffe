package dev.vigil.server.audit.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.audit.AuditReviews;
import dev.vigil.server.audit.FindingView;
import dev.vigil.server.audit.ReviewItemView;
import dev.vigil.server.audit.ReviewPeriodView;
import dev.vigil.server.audit.ReviewSelection;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit review periods, their selected records, findings and sign-off. */
@RestController
@RequestMapping("/api/v1/audit/reviews")
@Tag(name = "Audit review")
class ReviewController {

    private final AuditReviews reviews;

    ReviewController(AuditReviews reviews) {
        this.reviews = reviews;
    }

    record PeriodRequest(@NotBlank @Size(max = 200) String name, @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record SelectionRequest(@NotBlank String kind, String action, String actorKind, String objectType, String outcome,
            Boolean tenantData, String preset, Double percent) {
    }

    record MarkRequest(@NotBlank String status, @Size(max = 2000) String comment) {
    }

    record FindingRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
            @NotBlank String severity, @NotBlank @Size(max = 100) String owner, @NotNull LocalDate dueDate, List<Long> records) {
    }

    record ResolveRequest(@NotBlank @Size(max = 5000) String resolution) {
    }

    record SignOffRequest(@Size(max = 5000) String note) {
    }

    @GetMapping
    List<ReviewPeriodView> periods() {
        return reviews.periods();
    }

    @PostMapping
    @Operation(summary = "Open a review period")
    ResponseEntity<ReviewPeriodView> open(@Valid @RequestBody PeriodRequest request) {
        ReviewPeriodView period = reviews.open(request.name(), request.startsAt(), request.endsAt());
        return ResponseEntity.created(URI.create("/api/v1/audit/reviews/" + period.id())).body(period);
    }

    @GetMapping("/{id}")
    ReviewPeriodView period(@PathVariable UUID id) {
        return reviews.period(id);
    }

    @PostMapping("/{id}/selections")
    @Operation(summary = "Select records of the period for review", description = """
            kind 'filter' (action — a trailing * matches a prefix —, actorKind, objectType, outcome, tenantData), \
            'preset' (preset: permission-changes, bastion-sessions-on-tenant-data, emergency-access, failures-and-denials) \
            or 'sample' (percent of the records not selected yet; deterministic per period).""")
    Map<String, Integer> select(@PathVariable UUID id, @Valid @RequestBody SelectionRequest request) {
        ReviewSelection selection = switch (request.kind()) {
            case "filter" -> new ReviewSelection.Filter(request.action(), request.actorKind(), request.objectType(),
                    request.outcome(), request.tenantData());
            case "preset" -> new ReviewSelection.Preset(request.preset() == null ? "" : request.preset());
            case "sample" -> new ReviewSelection.Sample(request.percent() == null ? 0 : request.percent());
            default -> throw ProblemException.badRequest("invalid-input", "kind must be filter, preset or sample");
        };
        return Map.of("added", reviews.select(id, selection));
    }

    @GetMapping("/{id}/items")
    List<ReviewItemView> items(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-input", "limit must be between 1 and 1000");
        }
        return reviews.items(id, status, limit);
    }

    @PostMapping("/{id}/items/{seq}")
    @Operation(summary = "Mark a selected record reviewed or flagged (flagging needs a comment)")
    ResponseEntity<Void> mark(@PathVariable UUID id, @PathVariable long seq, @Valid @RequestBody MarkRequest request) {
        reviews.mark(id, seq, request.status(), request.comment());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/findings")
    List<FindingView> findings(@PathVariable UUID id) {
        return reviews.findings(id);
    }

    @PostMapping("/{id}/findings")
    ResponseEntity<FindingView> raise(@PathVariable UUID id, @Valid @RequestBody FindingRequest request) {
        FindingView finding = reviews.raise(id, request.title(), request.description(), request.severity(), request.owner(),
                request.dueDate(), request.records());
        return ResponseEntity.created(URI.create("/api/v1/audit/reviews/" + id + "/findings/" + finding.id())).body(finding);
    }

    @PostMapping("/{id}/findings/{findingId}/resolve")
    FindingView resolve(@PathVariable UUID id, @PathVariable UUID findingId, @Valid @RequestBody ResolveRequest request) {
        return reviews.resolve(id, findingId, request.resolution());
    }

    @PostMapping("/{id}/sign-off")
    @Operation(summary = "Sign the period off (refused while records are pending)")
    ReviewPeriodView signOff(@PathVariable UUID id, @Valid @RequestBody SignOffRequest request) {
        return reviews.signOff(id, request.note());
    }
}
