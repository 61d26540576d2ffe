package dev.vigil.server.console;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.server.asset.AssetCoverageService;
import dev.vigil.server.vuln.FindingSlaService;
import dev.vigil.server.vuln.RiskService;
import dev.vigil.server.vuln.TenantPosture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The situation at a glance: posture per tenant with its trend, riskiest assets, findings by SLA state, blind spots. */
@Controller
class SituationPageController {

    private final RiskService risk;
    private final FindingSlaService sla;
    private final AssetCoverageService coverage;

    SituationPageController(RiskService risk, FindingSlaService sla, AssetCoverageService coverage) {
        this.risk = risk;
        this.sla = sla;
        this.coverage = coverage;
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
        return "situation";
    }
}
