package dev.vigil.server.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.asset.AssetCoverageService;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.incident.IncidentService;
import dev.vigil.server.ingest.InputHealthService;
import dev.vigil.server.vuln.FindingSlaService;
import dev.vigil.server.vuln.RiskService;
import dev.vigil.server.vuln.TenantPosture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The situation at a glance: posture per tenant with its trend, riskiest assets, findings by SLA state, firing alerts
 * by level, alert volume by source and level over the last day, open incidents by level, silent log sources and blind
 * spots; each count links to its list.
 */
@Controller
class SituationPageController {

    private final RiskService risk;
    private final FindingSlaService sla;
    private final AssetCoverageService coverage;
    private final AlertService alerts;
    private final InputHealthService inputs;
    private final AccessPolicy access;
    private final IncidentService incidents;

    SituationPageController(RiskService risk, FindingSlaService sla, AssetCoverageService coverage, AlertService alerts,
            InputHealthService inputs, AccessPolicy access, IncidentService incidents) {
        this.incidents = incidents;
        this.risk = risk;
        this.sla = sla;
        this.coverage = coverage;
        this.alerts = alerts;
        this.inputs = inputs;
        this.access = access;
    }

    @GetMapping("/situation")
    String page(@RequestParam(defaultValue = "") String tenant, Model model) {
        var top = risk.top(tenant, 10);
        List<TenantPosture> postures = new ArrayList<>();
        for (String slug : top.stream().map(r -> r.tenant()).distinct().toList()) {
            postures.add(risk.posture(slug, 30));
        }
        model.addAttribute("top", top);
        model.addAttribute("postures", postures);
        model.addAttribute("sla", sla.summary(tenant));
        model.addAttribute("gaps", coverage.list(tenant.isBlank() ? null : tenant, true, 1000, 0));
        model.addAttribute("tenant", tenant);
        var me = access.requireCurrent();
        model.addAttribute("firing", me.can("alert", "read") ? alerts.firingBySeverity() : null);
        model.addAttribute("alertVolume", me.can("alert", "read")
                ? SituationCharts.alertVolume(alerts.volumeBySourceAndSeverity(Instant.now().minus(Duration.ofDays(1)))) : null);
        model.addAttribute("incidentLevels", me.can("incident", "read") ? SituationCharts.incidentsByLevel(incidents.open()) : null);
        model.addAttribute("silentInputs", me.can("input", "read")
                ? inputs.list().stream().filter(i -> i.status().equals("silent")).toList() : null);
        return "situation";
    }
}
