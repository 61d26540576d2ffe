package dev.vigil.server.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertFilter;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.monitoring.MetricSample;
import dev.vigil.server.monitoring.MetricQueries;
import dev.vigil.server.monitoring.MetricSeries;
import dev.vigil.server.monitoring.MonitorRequest;
import dev.vigil.server.monitoring.MonitorService;
import dev.vigil.server.monitoring.MonitorView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Monitoring: the component catalogue with dependencies and scrape health, the monitors with their state, the monitor
 * editor (every save is a change request that applies once approved), and charts of any metric expression.
 */
@Controller
class MonitoringPageController {

    static final List<String> RANGES = List.of("15m", "1h", "3h", "6h", "1d", "7d");
    private static final String NEW_MONITOR = """
            name: my-monitor
            condition: 'up == 0'
            for: 2m
            level: critical
            target: {component: my-component}
            receivers: {route: {team: ops}}
            disposal_plan:
              summary: What this means
              steps: [First check, Then act]
            """;

    private final ComponentService components;
    private final MonitorService monitors;
    private final MetricQueries metrics;
    private final AlertService alerts;

    MonitoringPageController(ComponentService components, MonitorService monitors, MetricQueries metrics, AlertService alerts) {
        this.alerts = alerts;
        this.components = components;
        this.monitors = monitors;
        this.metrics = metrics;
    }

    @GetMapping("/monitoring")
    String show(Model model) {
        List<ComponentView> catalogue = components.list();
        model.addAttribute("components", catalogue);
        model.addAttribute("graph", graph(catalogue));
        model.addAttribute("monitors", monitors.list());
        model.addAttribute("ranges", RANGES);
        return "monitoring";
    }

    /** The dependency graph alone, for the page to refresh it in place. */
    @GetMapping("/monitoring/graph")
    String graphFragment(Model model) {
        model.addAttribute("graph", graph(components.list()));
        return "monitoring :: graph";
    }

    /**
     * Live status per component: alerting when a monitor of it fires, degraded when its scrape or a probe fails, ok when
     * scraped or probed successfully, unknown without data.
     */
    private ComponentGraph graph(List<ComponentView> catalogue) {
        Map<String, Long> firing = new HashMap<>();
        for (AlertView alert : alerts.list(new AlertFilter("firing", null, "monitor", null, null, null, null, AlertService.MAX_LIMIT))) {
            String component = alert.entities().get("component");
            if (component != null) {
                firing.merge(component, 1L, Long::sum);
            }
        }
        Map<String, Double> probes = new HashMap<>();
        for (MetricSample sample : metrics.instant("min by (component) (probe_success)", null)) {
            probes.put(sample.labels().getOrDefault("component", ""), sample.value());
        }
        Map<String, ComponentGraph.Status> status = new HashMap<>();
        Map<String, String> details = new HashMap<>();
        for (ComponentView c : catalogue) {
            boolean scrapeDown = c.health() != null && c.health().startsWith("down");
            boolean scrapeUp = c.health() != null && c.health().startsWith("up");
            Double probe = probes.get(c.name());
            if (firing.containsKey(c.name())) {
                status.put(c.name(), ComponentGraph.Status.ALERTING);
                details.put(c.name(), firing.get(c.name()) + " firing");
            } else if (scrapeDown || probe != null && probe < 1) {
                status.put(c.name(), ComponentGraph.Status.DEGRADED);
                details.put(c.name(), scrapeDown ? "scrape down" : "probe failing");
            } else if (scrapeUp || probe != null) {
                status.put(c.name(), ComponentGraph.Status.OK);
            }
        }
        return ComponentGraph.of(catalogue, status, details);
    }

    @GetMapping("/monitoring/monitors/new")
    String newMonitor(Model model) {
        return editor(model, null, NEW_MONITOR, "", null);
    }

    @GetMapping("/monitoring/monitors/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        return editor(model, monitors.get(id), monitors.get(id).yaml(), "", null);
    }

    @PostMapping("/monitoring/monitors")
    String requestCreate(@RequestParam String yaml, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean emergency, Model model, RedirectAttributes redirect) {
        try {
            return submitted(monitors.requestCreate(MonitorRequest.fromYaml(yaml, reason, emergency)), redirect);
        } catch (ProblemException e) {
            return editor(model, null, yaml, reason, e.getMessage());
        }
    }

    @PostMapping("/monitoring/monitors/{id}")
    String requestUpdate(@PathVariable UUID id, @RequestParam String yaml, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean emergency, Model model, RedirectAttributes redirect) {
        MonitorView current = monitors.get(id);
        try {
            return submitted(monitors.requestUpdate(id, MonitorRequest.fromYaml(yaml, reason, emergency)), redirect);
        } catch (ProblemException e) {
            return editor(model, current, yaml, reason, e.getMessage());
        }
    }

    @PostMapping("/monitoring/monitors/{id}/delete")
    String requestDelete(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/monitoring", () -> "Deletion requested: change " + monitors.requestDelete(id, reason, false).id()
                + " applies once approved.");
    }

    @GetMapping("/monitoring/chart")
    String chart(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "1h") String range, Model model) {
        String chosen = RANGES.contains(range) ? range : "1h";
        model.addAttribute("query", query);
        model.addAttribute("range", chosen);
        model.addAttribute("ranges", RANGES);
        if (!query.isBlank()) {
            Duration span = MetricQueries.step(chosen);
            Instant to = Instant.now();
            Instant from = to.minus(span);
            Duration step = span.dividedBy(240).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : span.dividedBy(240);
            try {
                List<MetricSeries> series = metrics.range(query, from, to, step);
                model.addAttribute("chart", MetricChart.of(series, from, to, step.toMillis()));
            } catch (ProblemException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "metric-chart";
    }

    private String submitted(ChangeView change, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", change.state().equals("pending")
                ? "Change " + change.id() + " requested: it applies once another user approves it (Changes)."
                : "Emergency change " + change.id() + " applied; it awaits a review (Changes).");
        return "redirect:/monitoring";
    }

    private static String editor(Model model, MonitorView monitor, String yaml, String reason, String error) {
        model.addAttribute("monitor", monitor);
        model.addAttribute("yaml", yaml);
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        return "monitor-editor";
    }
}
