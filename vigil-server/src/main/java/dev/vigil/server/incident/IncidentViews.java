package dev.vigil.server.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.alerting.AlertFilter;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.NoticeView;
import dev.vigil.server.alerting.NotificationView;
import dev.vigil.server.alerting.ReceiverService;
import dev.vigil.server.alerting.TenantNotices;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts an incident's view together: SLA timers at its effective level, linked alerts, its work and the timeline derived
 * from alerts, phase changes, tasks, comments, attachments, retests, manual entries, the deliveries of its alerts and
 * of the notices sent to affected tenants (alerting's delivery log) and its linked bastion sessions; its observables
 * with the events and indicators containing them. Also finds related alerts.
 */
@Component
class IncidentViews {

    private final JdbcClient jdbc;
    private final AlertService alerts;
    private final SlaPolicy sla;
    private final TaskService tasks;
    private final ObservableService observables;
    private final CommentService comments;
    private final AttachmentService attachments;
    private final RetestRecords retests;
    private final ReviewService reviews;
    private final ReceiverService receivers;
    private final TenantNotices notices;
    private final IncidentSessions sessions;
    private final ObservableEvidence evidence;
    private final Clock clock;
    private final Duration suggestionWindow;

    IncidentViews(JdbcClient jdbc, AlertService alerts, SlaPolicy sla, TaskService tasks, ObservableService observables,
            CommentService comments, AttachmentService attachments, RetestRecords retests, ReviewService reviews,
            ReceiverService receivers, TenantNotices notices, IncidentSessions sessions, ObservableEvidence evidence, Clock clock,
            VigilProperties properties) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.sla = sla;
        this.tasks = tasks;
        this.observables = observables;
        this.comments = comments;
        this.attachments = attachments;
        this.retests = retests;
        this.reviews = reviews;
        this.receivers = receivers;
        this.notices = notices;
        this.sessions = sessions;
        this.evidence = evidence;
        this.clock = clock;
        this.suggestionWindow = properties.incident().suggestionWindow();
    }

    IncidentView of(IncidentRow row) {
        Instant now = clock.instant();
        UUID id = row.id();
        List<IncidentView.LinkedAlert> linked = linkedAlerts(id);
        List<IncidentView.Task> taskList = tasks.list(id);
        List<IncidentView.Comment> commentList = comments.list(id);
        List<IncidentView.TimelineEntry> timeline = new ArrayList<>(jdbc.sql(
                "SELECT at, kind, actor, text FROM incident_timeline WHERE incident_id = ?").param(id)
                .query((rs, n) -> new IncidentView.TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list());
        for (IncidentView.LinkedAlert alert : linked) {
            if (alert.firstSeen() != null) {
                timeline.add(new IncidentView.TimelineEntry(alert.firstSeen(), "alert", "alerting",
                        "Alert raised: " + alert.title() + " (" + alert.severity() + ")"));
            }
        }
        for (IncidentView.Task task : taskList) {
            if (task.completedAt() != null && task.status().equals("done")) {
                timeline.add(new IncidentView.TimelineEntry(task.completedAt(), "task", task.completedBy(), "Task done: " + task.title()
                        + (task.evidence() == null ? "" : " (evidence: " + task.evidence() + ")")));
            }
        }
        for (IncidentView.Comment comment : commentList) {
            timeline.add(new IncidentView.TimelineEntry(comment.createdAt(), "comment", comment.author(), comment.body()));
        }
        timeline.addAll(notifications(linked));
        timeline.addAll(noticeDeliveries(id));
        timeline.addAll(sessions.timeline(id));
        timeline.sort(Comparator.comparing(IncidentView.TimelineEntry::at));
        Phase phase = Phase.parse(row.phase());
        return new IncidentView(id, row.ref(), row.tenant(), row.title(), row.summary(), row.type(), row.phase(),
                phase.next().stream().map(Phase::code).toList(), grading(row), row.affectedAssets(), row.harm(), row.startedAt(),
                row.detectedAt(), row.createdAt(), row.createdBy(), row.updatedAt(), phaseTimes(row), timers(row, now),
                breaches(id), linked, taskList, evidence.of(row, observables.list(id), now), commentList, attachments.list(id),
                retests.list(id), reviews.review(id).orElse(null), reviews.actionItems(id), plan(row), timeline, row.tlp());
    }

    /** Each delivery of a linked alert to a receiver's channel, when it went out (or was queued, if not yet). */
    private List<IncidentView.TimelineEntry> notifications(List<IncidentView.LinkedAlert> linked) {
        List<IncidentView.TimelineEntry> entries = new ArrayList<>();
        for (IncidentView.LinkedAlert alert : linked) {
            List<NotificationView> deliveries;
            try {
                deliveries = receivers.notificationsOf(alert.id());
            } catch (ProblemException notReadable) {
                continue;
            }
            for (NotificationView delivery : deliveries) {
                String outcome = outcome(delivery.status(), delivery.attempts(), delivery.lastError());
                entries.add(new IncidentView.TimelineEntry(delivery.sentAt() != null ? delivery.sentAt() : delivery.createdAt(),
                        "notification", "alerting", "Notification of alert \"" + alert.title() + "\" to receiver " + delivery.receiver()
                        + " (" + delivery.channelType() + "): " + outcome,
                        Map.of("api", "/api/v1/alerts/" + alert.id() + "/notifications", "console", "/alerts/" + alert.id())));
            }
        }
        return entries;
    }

    /** Each delivery of a notice about the incident to a tenant's contact. */
    private List<IncidentView.TimelineEntry> noticeDeliveries(UUID id) {
        List<IncidentView.TimelineEntry> entries = new ArrayList<>();
        for (NoticeView notice : notices.about("incident:" + id)) {
            for (NoticeView.Delivery delivery : notice.deliveries()) {
                String outcome = outcome(delivery.status(), delivery.attempts(), delivery.lastError());
                entries.add(new IncidentView.TimelineEntry(delivery.sentAt() != null ? delivery.sentAt() : notice.sentAt(),
                        "notification", "alerting", "Notice \"" + notice.subject() + "\" to " + notice.tenant() + " contact "
                        + delivery.contact() + " (" + delivery.channelType() + "): " + outcome,
                        Map.of("api", "/api/v1/notices/" + notice.id(), "console", "/notices")));
            }
        }
        return entries;
    }

    private static String outcome(String status, int attempts, String lastError) {
        return switch (status) {
            case "pending" -> "pending after " + attempts + " attempt(s)" + (lastError == null ? "" : " (" + lastError + ")");
            case "failed" -> "failed after " + attempts + " attempt(s)" + (lastError == null ? "" : ": " + lastError);
            default -> status;
        };
    }

    List<SlaTimer> timers(IncidentRow row, Instant now) {
        return sla.timers(row.effectiveLevel(), row.createdAt(), row.triageAt(), row.containedAt(), row.closedAt(), now);
    }

    List<IncidentService.RelatedAlert> suggestions(IncidentRow row) {
        List<IncidentView.LinkedAlert> linked = linkedAlerts(row.id());
        Set<String> entities = new LinkedHashSet<>();
        for (IncidentView.LinkedAlert alert : linked) {
            alert.entities().forEach((k, v) -> entities.add(entityKey(k, v)));
        }
        for (IncidentView.Observable observable : observables.list(row.id())) {
            entities.add(observable.kind() + "=" + observable.value().toLowerCase(Locale.ROOT));
        }
        if (entities.isEmpty()) {
            return List.of();
        }
        Instant from = linked.stream().map(IncidentView.LinkedAlert::firstSeen).filter(t -> t != null).min(Comparator.naturalOrder())
                .orElse(row.detectedAt()).minus(suggestionWindow);
        Instant to = linked.stream().map(IncidentView.LinkedAlert::firstSeen).filter(t -> t != null).max(Comparator.naturalOrder())
                .orElse(row.detectedAt()).plus(suggestionWindow);
        Set<UUID> already = new LinkedHashSet<>(linked.stream().map(IncidentView.LinkedAlert::id).toList());
        List<IncidentService.RelatedAlert> related = new ArrayList<>();
        for (AlertView candidate : alerts.list(new AlertFilter(null, null, null, null, row.tenant(), null, to, AlertService.MAX_LIMIT))) {
            if (already.contains(candidate.id()) || candidate.lastSeen().isBefore(from)) {
                continue;
            }
            List<String> shared = candidate.entities().entrySet().stream()
                    .filter(e -> entities.contains(entityKey(e.getKey(), e.getValue())))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            if (!shared.isEmpty()) {
                related.add(new IncidentService.RelatedAlert(candidate, shared));
            }
        }
        related.sort(Comparator.comparing((IncidentService.RelatedAlert r) -> -r.shared().size())
                .thenComparing(r -> r.alert().lastSeen(), Comparator.reverseOrder()));
        return related.size() > 50 ? related.subList(0, 50) : related;
    }

    /** Entities compare by kind and value: source.ip and destination.ip both name an IP. */
    private static String entityKey(String entity, String value) {
        return ObservableKinds.ofEntity(entity).orElse(entity) + "=" + value.toLowerCase(Locale.ROOT);
    }

    private List<IncidentView.LinkedAlert> linkedAlerts(UUID id) {
        record Link(UUID alertId, String by, Instant at) {
        }
        List<Link> links = jdbc.sql("SELECT alert_id, linked_by, linked_at FROM incident_alert WHERE incident_id = ? ORDER BY linked_at")
                .param(id).query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        List<IncidentView.LinkedAlert> out = new ArrayList<>();
        for (Link link : links) {
            try {
                AlertView alert = alerts.get(link.alertId());
                out.add(new IncidentView.LinkedAlert(alert.id(), alert.title(), alert.severity(), alert.state(), alert.firstSeen(),
                        alert.entities(), link.by(), link.at()));
            } catch (ProblemException e) {
                out.add(new IncidentView.LinkedAlert(link.alertId(), "", "", "", null, Map.of(), link.by(), link.at()));
            }
        }
        return out;
    }

    private static IncidentView.Grading grading(IncidentRow row) {
        return new IncidentView.Grading(row.impactScope(), row.assetCriticality(), row.dataSensitivity(), row.ongoing(),
                row.proposedLevel(), Level.label(row.proposedLevel()), row.level(), Level.label(row.level()), row.levelSetBy(),
                row.levelReason(), row.levelSetAt());
    }

    private static Map<String, Instant> phaseTimes(IncidentRow row) {
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("new", row.createdAt());
        Instant[] reached = {row.triageAt(), row.investigatingAt(), row.containedAt(), row.eradicatedAt(), row.recoveredAt(),
                row.retestedAt(), row.closedAt(), row.reviewedAt()};
        for (int i = 0; i < reached.length; i++) {
            if (reached[i] != null) {
                times.put(Phase.values()[i + 1].code(), reached[i]);
            }
        }
        return times;
    }

    private List<IncidentView.Breach> breaches(UUID id) {
        return jdbc.sql("SELECT timer, level, due_at, breached_at, alert_id FROM incident_sla_breach WHERE incident_id = ? ORDER BY breached_at")
                .param(id).query((rs, n) -> new IncidentView.Breach(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class))).list();
    }

    private static EmergencyPlan plan(IncidentRow row) {
        return row.planJson() == null || row.planJson().equals("{}") ? null : PlanService.JSON.readValue(row.planJson(), EmergencyPlan.class);
    }
}
