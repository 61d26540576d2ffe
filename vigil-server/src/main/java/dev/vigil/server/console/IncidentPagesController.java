package dev.vigil.server.console;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.incident.AttachmentService;
import dev.vigil.server.incident.CommentService;
import dev.vigil.server.incident.GradingPolicy;
import dev.vigil.server.incident.HarmAssessmentService;
import dev.vigil.server.incident.ImpactScopeService;
import dev.vigil.server.incident.IncidentNotices;
import dev.vigil.server.incident.IncidentSessions;
import dev.vigil.server.incident.IncidentLifecycle;
import dev.vigil.server.incident.IncidentMetrics;
import dev.vigil.server.incident.IncidentReports;
import dev.vigil.server.incident.IncidentService;
import dev.vigil.server.incident.IncidentSummary;
import dev.vigil.server.incident.IncidentType;
import dev.vigil.server.incident.IncidentView;
import dev.vigil.server.incident.ObservableService;
import dev.vigil.server.incident.Phase;
import dev.vigil.server.incident.ReviewService;
import dev.vigil.server.incident.TaskService;
import dev.vigil.server.ingest.SavedSearchService;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Incidents: the board by phase, one incident with everything done on it, and the metrics page. */
@Controller
class IncidentPagesController {

    private final IncidentService incidents;
    private final IncidentLifecycle lifecycle;
    private final TaskService tasks;
    private final ObservableService observables;
    private final CommentService comments;
    private final AttachmentService attachments;
    private final ReviewService reviews;
    private final IncidentReports reports;
    private final IncidentMetrics metrics;
    private final ImpactScopeService scopes;
    private final HarmAssessmentService harm;
    private final IncidentSessions sessions;
    private final SavedSearchService savedSearches;
    private final IncidentNotices notices;

    IncidentPagesController(IncidentService incidents, IncidentLifecycle lifecycle, TaskService tasks, ObservableService observables,
            CommentService comments, AttachmentService attachments, ReviewService reviews, IncidentReports reports,
            IncidentMetrics metrics, ImpactScopeService scopes, HarmAssessmentService harm, IncidentSessions sessions,
            SavedSearchService savedSearches, IncidentNotices notices) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.observables = observables;
        this.comments = comments;
        this.attachments = attachments;
        this.reviews = reviews;
        this.reports = reports;
        this.metrics = metrics;
        this.scopes = scopes;
        this.harm = harm;
        this.sessions = sessions;
        this.savedSearches = savedSearches;
        this.notices = notices;
    }

    @GetMapping("/incidents")
    String board(Model model) {
        Map<String, List<IncidentSummary>> columns = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            columns.put(phase.code(), new java.util.ArrayList<>());
        }
        for (IncidentSummary incident : incidents.list(null, null, 1000)) {
            columns.get(incident.phase()).add(incident);
        }
        model.addAttribute("columns", columns);
        model.addAttribute("types", IncidentType.codes());
        return "incidents";
    }

    @PostMapping("/incidents")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String type, @RequestParam(name = "alertIds", required = false) List<UUID> alertIds,
            RedirectAttributes redirect) {
        String back = alertIds == null || alertIds.isEmpty() ? "/incidents" : "/alerts/" + alertIds.get(0);
        try {
            IncidentView created = incidents.create(new IncidentService.NewIncident(title, summary, type, null, alertIds, null, null));
            redirect.addFlashAttribute("notice", created.ref() + " opened.");
            return "redirect:/incidents/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }

    @GetMapping("/incidents/{id}")
    String show(@PathVariable UUID id, Model model) {
        IncidentView incident = incidents.get(id);
        model.addAttribute("incident", incident);
        model.addAttribute("suggestions", incident.phase().equals("closed") || incident.phase().equals("reviewed") ? List.of()
                : incidents.suggestions(id));
        model.addAttribute("scopes", GradingPolicy.SCOPES);
        model.addAttribute("criticalities", GradingPolicy.CRITICALITIES);
        model.addAttribute("sensitivities", GradingPolicy.SENSITIVITIES);
        model.addAttribute("causeCategories", ReviewService.CAUSE_CATEGORIES);
        model.addAttribute("observableKinds", List.of("ip", "domain", "url", "hash", "user", "host", "email"));
        ImpactScopeService.ImpactScope scope = scopes.of(incident);
        model.addAttribute("scope", scope);
        model.addAttribute("noticeTenants", notices.notifiable(scope));
        model.addAttribute("notices", notices.sent(id));
        model.addAttribute("impacts", HarmAssessmentService.IMPACTS);
        model.addAttribute("sessions", sessions.linked(id));
        model.addAttribute("savedSearches", savedSearches.list());
        model.addAttribute("tlpLevels", IncidentSharingPagesController.TLP_LEVELS);
        return "incident";
    }

    @GetMapping("/incidents/metrics")
    String metricsPage(@RequestParam(defaultValue = "90d") String range, Model model) {
        Instant now = Instant.now();
        IncidentMetrics.Metrics computed = metrics.compute(now.minus(TimeExpression.duration("range", range)), now, null);
        List<MetricsRow> rows = new java.util.ArrayList<>();
        rows.add(MetricsRow.of(computed.overall()));
        computed.byLevel().forEach(g -> rows.add(MetricsRow.of(g)));
        computed.byMonth().forEach(g -> rows.add(MetricsRow.of(g)));
        model.addAttribute("rows", rows);
        model.addAttribute("range", range);
        return "incident-metrics";
    }

    @GetMapping("/incidents/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format) {
        return reports.render(id, format).asAttachment();
    }

    @GetMapping("/incidents/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return attachments.download(id, attachmentId).asAttachment();
    }

    @PostMapping("/incidents/{id}/transition")
    String transition(@PathVariable UUID id, @RequestParam String to, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Moved to " + lifecycle.transition(id, to, reason).phase() + ".");
    }

    @PostMapping("/incidents/{id}/grading")
    String grade(@PathVariable UUID id, @RequestParam(defaultValue = "") String impactScope,
            @RequestParam(defaultValue = "") String assetCriticality, @RequestParam(defaultValue = "") String dataSensitivity,
            @RequestParam(defaultValue = "false") boolean ongoing, @RequestParam(defaultValue = "") String affectedAssets,
            @RequestParam(defaultValue = "") String harm, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Proposed level " + incidents.grade(id, new GradingPolicy.Factors(impactScope,
                assetCriticality, dataSensitivity, ongoing), lines(affectedAssets), harm).grading().proposedLabel() + ".");
    }

    @PostMapping("/incidents/{id}/level")
    String level(@PathVariable UUID id, @RequestParam int level, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Level set to " + incidents.setLevel(id, level, reason).grading().levelLabel() + ".");
    }

    @PostMapping("/incidents/{id}/alerts")
    String merge(@PathVariable UUID id, @RequestParam(name = "alertIds", required = false) List<UUID> alertIds,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        String target = back.startsWith("/alerts/") ? back : page(id);
        return Flash.run(redirect, target, () -> {
            if (alertIds == null || alertIds.isEmpty()) {
                return "Select the alerts to merge.";
            }
            return alertIds.size() + " alert(s) merged into " + incidents.mergeAlerts(id, alertIds).ref() + ".";
        });
    }

    @PostMapping("/incidents/{id}/timeline")
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            incidents.addNote(id, text, null);
            return "Timeline entry added.";
        });
    }

    @PostMapping("/incidents/{id}/tasks")
    String addTask(@PathVariable UUID id, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "response") String kind,
            @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            tasks.create(id, new TaskService.NewTask(title, "", kind, assignee, dueAt(due)));
            return "Task added.";
        });
    }

    @PostMapping("/incidents/{id}/tasks/{taskId}")
    String updateTask(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String evidence,
            RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Task " + tasks.update(id, taskId, new TaskService.TaskChange(status, assignee, null,
                evidence)).status() + ".");
    }

    @PostMapping("/incidents/{id}/observables")
    String addObservable(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Observable " + observables.add(id, kind, value, note).value() + " added.");
    }

    @PostMapping("/incidents/{id}/harm")
    String assessHarm(@PathVariable UUID id, @RequestParam(defaultValue = "") String confidentiality,
            @RequestParam(defaultValue = "") String integrity, @RequestParam(defaultValue = "") String availability,
            @RequestParam(defaultValue = "") String recordsAffected, @RequestParam(defaultValue = "") String peopleAffected,
            @RequestParam(defaultValue = "") String regulatoryReport, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            harm.assess(id, new HarmAssessmentService.HarmChange(confidentiality, integrity, availability,
                    count("recordsAffected", recordsAffected), count("peopleAffected", peopleAffected),
                    regulatoryReport.isBlank() ? null : Boolean.valueOf(regulatoryReport)));
            return "Harm assessed.";
        });
    }

    @PostMapping("/incidents/{id}/scope-search")
    String scopeSearch(@PathVariable UUID id, @RequestParam(defaultValue = "") String savedSearchId, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            scopes.attachSearch(id, savedSearchId.isBlank() ? null : uuid("savedSearchId", savedSearchId));
            return savedSearchId.isBlank() ? "Event search detached." : "Event search attached to the impact scope.";
        });
    }

    @PostMapping("/incidents/{id}/sessions")
    String linkSession(@PathVariable UUID id, @RequestParam(defaultValue = "") String sessionId, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Session of " + sessions.link(id, uuid("sessionId", sessionId)).session().username()
                + " linked.");
    }

    /** The notices each chosen tenant would get (an htmx fragment under the notify form). */
    @PostMapping("/incidents/{id}/notices/preview")
    String previewNotices(@PathVariable UUID id, @RequestParam(name = "tenants", required = false) List<String> tenants,
            @RequestParam(defaultValue = "") String actions, @RequestParam(defaultValue = "") String contact, Model model) {
        try {
            model.addAttribute("previews", notices.preview(id, new IncidentNotices.NoticeRequest(tenants, actions, contact, null, null)));
        } catch (ProblemException e) {
            model.addAttribute("previewError", e.getMessage());
        }
        return "incident-notice-preview";
    }

    @PostMapping("/incidents/{id}/notices")
    String sendNotices(@PathVariable UUID id, @RequestParam(name = "tenants", required = false) List<String> tenants,
            @RequestParam(defaultValue = "") String actions, @RequestParam(defaultValue = "") String contact, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Notified: " + String.join(", ", notices.send(id,
                new IncidentNotices.NoticeRequest(tenants, actions, contact, null, null)).stream().map(n -> n.tenant()).toList()) + ".");
    }

    @PostMapping("/incidents/{id}/comments")
    String comment(@PathVariable UUID id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            comments.add(id, body);
            return "Comment added.";
        });
    }

    @PostMapping("/incidents/{id}/attachments")
    String attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            try {
                return "Attached " + attachments.upload(id, file.getOriginalFilename(), file.getContentType(), file.getBytes()).filename() + ".";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @PostMapping("/incidents/{id}/retests")
    String retest(@PathVariable UUID id, @RequestParam boolean passed, @RequestParam(defaultValue = "") String evidence,
            RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Retest recorded; the incident is " + lifecycle.recordRetest(id, passed, evidence).phase() + ".");
    }

    @PostMapping("/incidents/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String rootCause, @RequestParam(defaultValue = "") String causeCategory,
            @RequestParam(defaultValue = "") String contributingFactors, @RequestParam(defaultValue = "") String wentWell,
            @RequestParam(defaultValue = "") String wentBadly, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            reviews.write(id, new ReviewService.ReviewText(rootCause, causeCategory, contributingFactors, wentWell, wentBadly));
            return "Review saved.";
        });
    }

    @PostMapping("/incidents/{id}/action-items")
    String addActionItem(@PathVariable UUID id, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> {
            reviews.addActionItem(id, new ReviewService.NewActionItem(title, owner, dueAt(due)));
            return "Action item added.";
        });
    }

    @PostMapping("/incidents/{id}/action-items/{itemId}")
    String setActionItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam String status, RedirectAttributes redirect) {
        return Flash.run(redirect, page(id), () -> "Action item " + reviews.setActionItemStatus(id, itemId, status).status() + ".");
    }

    /** One line of the metrics table, durations and shares written for people. */
    record MetricsRow(String key, long incidents, long closed, String detect, String acknowledge, String contain, String resolve,
                      String slaAcknowledge, String slaContain, String slaResolve) {

        static MetricsRow of(IncidentMetrics.Group g) {
            return new MetricsRow(g.key(), g.incidents(), g.closed(), stat(g.timeToDetect()), stat(g.timeToAcknowledge()),
                    stat(g.timeToContain()), stat(g.timeToResolve()), share(g.sla().get("acknowledge")), share(g.sla().get("contain")),
                    share(g.sla().get("resolve")));
        }

        private static String stat(IncidentMetrics.Stat stat) {
            return stat.count() == 0 ? "-" : human(stat.meanSeconds()) + " / " + human(stat.medianSeconds()) + " (" + stat.count() + ")";
        }

        private static String share(IncidentMetrics.Compliance c) {
            return c.compliance() == null ? "-" : Math.round(c.compliance() * 100) + " % (" + c.met() + " met, " + c.metLate() + " late, "
                    + c.breached() + " breached)";
        }

        private static String human(long seconds) {
            java.time.Duration d = java.time.Duration.ofSeconds(seconds);
            return d.toDays() > 0 ? d.toDays() + "d " + d.toHoursPart() + "h" : d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m"
                    : d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
    }

    private static String page(UUID id) {
        return "/incidents/" + id;
    }

    private static Long count(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-harm", field + " must be a whole number");
        }
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-input", field + " must be an id such as 3f2b…-…");
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A due date as an ISO instant, or a span from now ({@code 4h}, {@code 2d}); blank for none. */
    private static Instant dueAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return Character.isDigit(value.charAt(0)) && !value.contains("T")
                ? Instant.now().plus(TimeExpression.duration("due", value)) : TimeExpression.parse("due", value, Instant.now());
    }
}
