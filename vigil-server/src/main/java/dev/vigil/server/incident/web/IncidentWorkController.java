package dev.vigil.server.incident.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.vigil.server.incident.AttachmentService;
import dev.vigil.server.incident.CommentService;
import dev.vigil.server.incident.IncidentLifecycle;
import dev.vigil.server.incident.IncidentView;
import dev.vigil.server.incident.ObservableService;
import dev.vigil.server.incident.ReviewService;
import dev.vigil.server.incident.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The work on an incident: tasks, observables, comments, attachments, retests, the review and its action items. */
@RestController
@Tag(name = "Incidents")
class IncidentWorkController {

    private final TaskService tasks;
    private final ObservableService observables;
    private final CommentService comments;
    private final AttachmentService attachments;
    private final IncidentLifecycle lifecycle;
    private final ReviewService reviews;

    IncidentWorkController(TaskService tasks, ObservableService observables, CommentService comments, AttachmentService attachments,
            IncidentLifecycle lifecycle, ReviewService reviews) {
        this.tasks = tasks;
        this.observables = observables;
        this.comments = comments;
        this.attachments = attachments;
        this.lifecycle = lifecycle;
        this.reviews = reviews;
    }

    record ObservableRequest(String kind, String value, String note) {
    }

    record CommentRequest(String body) {
    }

    record RetestRequest(@NotNull Boolean passed, String evidence) {
    }

    record ActionItemStatus(String status) {
    }

    @PostMapping("/api/v1/incidents/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a task (response or recovery) with assignee and due date")
    IncidentView.Task createTask(@PathVariable UUID id, @Valid @RequestBody TaskService.NewTask request) {
        return tasks.create(id, request);
    }

    @PutMapping("/api/v1/incidents/{id}/tasks/{taskId}")
    @Operation(summary = "Change a task's status, assignee, due date or evidence (recovery tasks are done only with evidence)")
    IncidentView.Task updateTask(@PathVariable UUID id, @PathVariable UUID taskId, @Valid @RequestBody TaskService.TaskChange request) {
        return tasks.update(id, taskId, request);
    }

    @PostMapping("/api/v1/incidents/{id}/observables")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an observable: ip, domain, url, hash, user, host or email")
    IncidentView.Observable addObservable(@PathVariable UUID id, @Valid @RequestBody ObservableRequest request) {
        return observables.add(id, request.kind(), request.value(), request.note());
    }

    @PostMapping("/api/v1/incidents/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    IncidentView.Comment comment(@PathVariable UUID id, @Valid @RequestBody CommentRequest request) {
        return comments.add(id, request.body());
    }

    @PostMapping(path = "/api/v1/incidents/{id}/attachments", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file sent as the request body; filename names it and its type (size-limited, type-checked)")
    IncidentView.Attachment attach(@PathVariable UUID id, @RequestParam String filename,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, @RequestBody byte[] body) {
        return attachments.upload(id, filename, contentType, body);
    }

    @GetMapping("/api/v1/incidents/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return attachments.download(id, attachmentId).asAttachment();
    }

    @PostMapping("/api/v1/incidents/{id}/retests")
    @Operation(summary = "Record a retest after recovery with its evidence; a failed one returns the case to investigating")
    IncidentView retest(@PathVariable UUID id, @Valid @RequestBody RetestRequest request) {
        return lifecycle.recordRetest(id, request.passed(), request.evidence());
    }

    @PutMapping("/api/v1/incidents/{id}/review")
    @Operation(summary = "Write the post-incident review: root cause and category, contributing factors, what went well and badly")
    IncidentView.Review review(@PathVariable UUID id, @Valid @RequestBody ReviewService.ReviewText request) {
        return reviews.write(id, request);
    }

    @PostMapping("/api/v1/incidents/{id}/action-items")
    @ResponseStatus(HttpStatus.CREATED)
    IncidentView.ActionItem addActionItem(@PathVariable UUID id, @Valid @RequestBody ReviewService.NewActionItem request) {
        return reviews.addActionItem(id, request);
    }

    @PutMapping("/api/v1/incidents/{id}/action-items/{itemId}")
    @Operation(summary = "Set an action item open, done or canceled")
    IncidentView.ActionItem setActionItem(@PathVariable UUID id, @PathVariable UUID itemId, @Valid @RequestBody ActionItemStatus request) {
        return reviews.setActionItemStatus(id, itemId, request.status());
    }
}
