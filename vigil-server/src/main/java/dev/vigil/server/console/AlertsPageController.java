package dev.vigil.server.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.AlertFilter;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.alerting.ReceiverService;
import dev.vigil.server.alerting.RoutingService;
import dev.vigil.server.alerting.SilenceService;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.incident.IncidentService;
import dev.vigil.server.incident.IncidentSummary;
import dev.vigil.server.incident.IncidentType;
import dev.vigil.server.incident.Phase;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Alerts: the list with filters and bulk acknowledgement, and one alert with its events. */
@Controller
class AlertsPageController {

    private final AlertService alerts;
    private final ReceiverService receivers;
    private final SilenceService silences;
    private final RoutingService routing;
    private final EscalationPolicyService escalations;

    private final IncidentService incidents;
    private final AccessPolicy access;

    AlertsPageController(AlertService alerts, ReceiverService receivers, SilenceService silences, RoutingService routing,
            IncidentService incidents, AccessPolicy access, EscalationPolicyService escalations) {
        this.escalations = escalations;
        this.alerts = alerts;
        this.incidents = incidents;
        this.access = access;
        this.receivers = receivers;
        this.silences = silences;
        this.routing = routing;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(defaultValue = "firing") String state, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String source, Model model) {
        String stateFilter = state.equals("all") ? null : state;
        String severityFilter = severity == null || severity.isBlank() ? null : severity;
        String sourceFilter = source == null || source.isBlank() ? null : source;
        List<AlertView> shown = alerts.list(new AlertFilter(stateFilter, severityFilter, sourceFilter, null, null, null, null, 200));
        model.addAttribute("alerts", shown);
        model.addAttribute("upstreamTitles", upstreamTitles(shown));
        model.addAttribute("groupedCounts", shown.stream().filter(a -> a.suppressedBy() != null && a.state().equals("firing"))
                .collect(java.util.stream.Collectors.groupingBy(AlertView::suppressedBy, java.util.stream.Collectors.counting())));
        model.addAttribute("summary", alerts.firingBySeverity());
        model.addAttribute("state", state);
        model.addAttribute("severity", severityFilter == null ? "" : severityFilter);
        model.addAttribute("source", sourceFilter == null ? "" : sourceFilter);
        return "alerts";
    }

    @GetMapping("/alerts/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("alert", alerts.get(id));
        model.addAttribute("notifications", receivers.notificationsOf(id));
        model.addAttribute("upstreamTitles", upstreamTitles(List.of(alerts.get(id))));
        model.addAttribute("groupedUnder", alerts.groupedUnder(id));
        model.addAttribute("escalations", escalations.escalationsOf(alerts.get(id)));
        VigilPrincipal me = access.requireCurrent();
        if (me.can("incident", "read")) {
            List<IncidentSummary> containing = incidents.containing(id);
            model.addAttribute("incidentsOfAlert", containing);
            model.addAttribute("inOpenIncident", containing.stream().anyMatch(i -> Phase.parse(i.phase()).isOpen()));
            model.addAttribute("canOpenIncident", me.can("incident", "create"));
            model.addAttribute("openIncidents", me.can("incident", "update") ? incidents.open() : List.of());
            model.addAttribute("incidentTypes", IncidentType.codes());
        }
        return "alert";
    }

    /** The titles of the upstream alerts the given alerts are grouped under (those the caller may see). */
    private java.util.Map<UUID, String> upstreamTitles(List<AlertView> shown) {
        java.util.Map<UUID, String> titles = new java.util.HashMap<>();
        for (AlertView alert : shown) {
            if (alert.suppressedBy() != null && !titles.containsKey(alert.suppressedBy())) {
                try {
                    titles.put(alert.suppressedBy(), alerts.get(alert.suppressedBy()).title());
                } catch (ProblemException hidden) {
                    titles.put(alert.suppressedBy(), "an alert of another tenant");
                }
            }
        }
        return titles;
    }

    @GetMapping("/alerts/receivers")
    String receiverList(Model model) {
        model.addAttribute("receivers", receivers.list());
        model.addAttribute("routing", routing.current().map(v -> v.yaml()).orElse(""));
        model.addAttribute("routingVersion", routing.current().map(v -> v.version()).orElse(0));
        return "receivers";
    }

    @PostMapping("/alerts/routing")
    String saveRouting(@RequestParam(defaultValue = "") String yaml, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/receivers", () -> {
            var saved = routing.set(yaml);
            return yaml.isBlank() ? "Routing tree switched off (version " + saved.version() + ")."
                    : "Routing tree version " + saved.version() + " is in force.";
        });
    }

    @GetMapping("/alerts/silences")
    String silenceList(Model model) {
        model.addAttribute("silences", silences.list());
        model.addAttribute("defaultEnd", Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));
        return "silences";
    }

    @PostMapping("/alerts/silences")
    String silence(@RequestParam String matchers, @RequestParam String endsAt, @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/silences", () -> {
            silences.create(Arrays.stream(matchers.split("\\r?\\n")).map(String::strip).filter(m -> !m.isEmpty()).toList(), null,
                    TimeExpression.parse("endsAt", endsAt, Instant.now()), comment);
            return "Silence created.";
        });
    }

    @PostMapping("/alerts/silences/{id}/expire")
    String expire(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/silences", () -> {
            silences.expire(id);
            return "Silence expired.";
        });
    }

    @PostMapping("/alerts/receivers/{id}/test")
    String testReceiver(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/receivers", () -> String.join("; ", receivers.test(id)));
    }

    @PostMapping("/alerts/acknowledge")
    String acknowledgeAll(@RequestParam(name = "ids", required = false) List<UUID> ids, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts", () -> {
            if (ids == null || ids.isEmpty()) {
                return "Select the alerts to acknowledge.";
            }
            ids.forEach(id -> alerts.acknowledge(id, null));
            return ids.size() + " alert(s) acknowledged.";
        });
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/" + id, () -> {
            alerts.acknowledge(id, null);
            return "Alert acknowledged.";
        });
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "") String resolution, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/" + id, () -> {
            alerts.resolve(id, resolution);
            return "Alert resolved.";
        });
    }
}
