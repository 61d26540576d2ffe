package dev.vigil.server.incident.internal.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventStore;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.alerting.EscalationStep;
import dev.vigil.server.incident.CommentService;
import dev.vigil.server.incident.IncidentView;
import dev.vigil.server.incident.ObservableService;
import dev.vigil.server.incident.TaskService;
import dev.vigil.server.ingest.EventSearchService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each step type does, and what it would do (for a dry run). Steps act through the incident's own services, as
 * the person who started the run, so the usual checks, audit records and timeline entries apply.
 */
@Component
class StepActions {

    static final Duration DEFAULT_LOOKBACK = Duration.ofHours(24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TaskService tasks;
    private final CommentService comments;
    private final ObservableService observables;
    private final EventSearchService events;
    private final WebhookCall webhooks;
    private final AlertIntake intake;
    private final EscalationPolicyService paging;
    private final BastionCommandStep bastion;

    StepActions(TaskService tasks, CommentService comments, ObservableService observables, EventSearchService events,
            WebhookCall webhooks, AlertIntake intake, EscalationPolicyService paging, BastionCommandStep bastion) {
        this.bastion = bastion;
        this.intake = intake;
        this.paging = paging;
        this.tasks = tasks;
        this.comments = comments;
        this.observables = observables;
        this.events = events;
        this.webhooks = webhooks;
    }

    /** Whether the step changes only the database, so it runs in one transaction with the record that it is done. */
    static boolean inDatabase(PlaybookDefinition.Step step) {
        return !List.of("webhook", "search_events", "approval", "bastion_command").contains(step.type());
    }

    /** One line saying what the step would do now, with its placeholders filled in. */
    String describe(PlaybookDefinition.Step step, RunContext context, Instant incidentStart, Instant now) {
        return switch (step.type()) {
            case "create_task" -> "create task '" + context.render(step.text("title")) + "'"
                    + (step.text("assignee") == null ? "" : " for " + context.render(step.text("assignee")))
                    + (step.text("due_in") == null ? "" : ", due in " + step.text("due_in"));
            case "comment" -> "comment: " + context.render(step.text("text"));
            case "add_observable" -> "add observable " + step.text("kind") + " " + context.render(step.text("value"));
            case "search_events" -> "search events '" + context.render(step.text("query")) + "' from "
                    + searchFrom(step, incidentStart) + " to " + now;
            case "webhook" -> "POST " + step.text("url") + " " + new String(body(step, context), java.nio.charset.StandardCharsets.UTF_8)
                    + (step.text("secret") == null ? "" : " (signed)");
            case "approval" -> "ask a holder of change:approve (not the person running it) to approve '"
                    + context.render(step.text("title")) + "', waiting at most " + (step.text("wait") == null ? "1h" : step.text("wait"));
            case "bastion_command" -> bastion.describe(step, context);
            case "notify" -> "notify " + targets(step) + " (" + severity(step).code() + "): '" + notifyTitle(step, context) + "' — "
                    + context.render(step.text("message"));
            default -> throw new IllegalStateException("unknown step type " + step.type());
        };
    }

    /** Does the step; the answer is its output. */
    Map<String, Object> perform(PlaybookDefinition.Step step, RunContext context, UUID incidentId, Instant incidentStart,
            Instant now, String idempotencyKey) {
        return switch (step.type()) {
            case "create_task" -> {
                Duration due = step.text("due_in") == null ? null : PlaybookParser.span(step.text("due_in"), "due_in");
                IncidentView.Task task = tasks.create(incidentId, new TaskService.NewTask(context.render(step.text("title")),
                        render(context, step.text("description")), step.text("kind"), render(context, step.text("assignee")),
                        due == null ? null : now.plus(due)));
                yield Map.of("task", task.id().toString());
            }
            case "comment" -> Map.of("comment", comments.add(incidentId, context.render(step.text("text"))).id().toString());
            case "add_observable" -> {
                IncidentView.Observable observable = observables.add(incidentId, step.text("kind"),
                        context.render(step.text("value")), render(context, step.text("note")));
                yield Map.of("observable", observable.id().toString(), "value", observable.value());
            }
            case "search_events" -> {
                int limit = step.fields().get("limit") instanceof Integer n ? n : 10;
                EventStore.SearchResult result = events.search(context.render(step.text("query")), searchFrom(step, incidentStart),
                        now, 0, limit, true);
                List<String> ids = new ArrayList<>(result.events().stream().map(Event::id).toList());
                Map<String, Object> output = new LinkedHashMap<>();
                output.put("count", result.total());
                output.put("ids", ids);
                yield output;
            }
            case "webhook" -> Map.of("status", webhooks.post(step.text("url"), step.text("secret"), body(step, context),
                    idempotencyKey, step.timeout()));
            case "notify" -> notify(step, context, now, idempotencyKey);
            case "bastion_command" -> bastion.perform(step, context, incidentId, idempotencyKey);
            default -> throw new IllegalStateException("unknown step type " + step.type());
        };
    }

    /**
     * Raises an alert (source {@code playbook}) carrying the message, naming no receiver of its own (so routing does not
     * spread it), and pages the step's receivers, schedules and users once through alerting's escalation: the delivery
     * log, acknowledgement links and the timeline entry saying whom it reached come with it. The run's idempotency key
     * makes a retried step page once.
     */
    private Map<String, Object> notify(PlaybookDefinition.Step step, RunContext context, Instant now, String key) {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("incident.id", String.valueOf(context.value("incident.id")));
        entities.put("incident.ref", String.valueOf(context.value("incident.ref")));
        entities.put(AlertLabels.RECEIVERS_ENTITY, "");
        AlertView alert = intake.raise(new AlertDraft(String.valueOf(context.value("incident.tenant")), "playbook", "playbook-step:" + step.name(),
                notifyTitle(step, context), "playbook", severity(step), "playbook:" + key, Duration.ofDays(30), entities, List.of(),
                context.render(step.text("message")), now, 1));
        paging.pageOnce(alert, key, "playbook step " + step.name(), new EscalationStep("0s", list(step, "schedules"), list(step, "users"),
                list(step, "receivers")), "playbook run " + key);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("alert", alert.id().toString());
        output.put("receivers", list(step, "receivers"));
        output.put("schedules", list(step, "schedules"));
        output.put("users", list(step, "users"));
        return output;
    }

    private static String notifyTitle(PlaybookDefinition.Step step, RunContext context) {
        return step.text("title") != null ? context.render(step.text("title"))
                : "Playbook notification: " + context.value("incident.ref") + " " + context.value("incident.title");
    }

    private static AlertSeverity severity(PlaybookDefinition.Step step) {
        return AlertSeverity.parse(step.text("severity") == null ? "high" : step.text("severity"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(PlaybookDefinition.Step step, String field) {
        Object value = step.fields().get(field);
        return value instanceof List<?> names ? (List<String>) names : List.of();
    }

    private static String targets(PlaybookDefinition.Step step) {
        List<String> parts = new ArrayList<>();
        if (!list(step, "receivers").isEmpty()) {
            parts.add("receivers " + String.join(", ", list(step, "receivers")));
        }
        if (!list(step, "schedules").isEmpty()) {
            parts.add("whoever is on call in " + String.join(", ", list(step, "schedules")));
        }
        if (!list(step, "users").isEmpty()) {
            parts.add("users " + String.join(", ", list(step, "users")));
        }
        return String.join("; ", parts);
    }

    private static Instant searchFrom(PlaybookDefinition.Step step, Instant incidentStart) {
        Duration lookback = step.text("lookback") == null ? DEFAULT_LOOKBACK : PlaybookParser.span(step.text("lookback"), "lookback");
        return incidentStart.minus(lookback);
    }

    private static byte[] body(PlaybookDefinition.Step step, RunContext context) {
        Object body = step.fields().get("body");
        return JSON.writeValueAsBytes(body == null ? Map.of() : renderAll(body, context));
    }

    private static Object renderAll(Object value, RunContext context) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderAll(v, context)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> renderAll(v, context)).toList();
        }
        return value instanceof String text ? context.render(text) : value;
    }

    private static String render(RunContext context, String text) {
        return text == null ? null : context.render(text);
    }
}
