package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.alerting.EscalationPolicyRequest;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.incident.LevelEscalation;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation policies: the list with their steps, a new policy as JSON (the API's body), deletion; and which policy
 * pages for each incident level ({@link LevelEscalation}, the same service as {@code PUT /api/v1/incidents/escalation/{level}}).
 */
@Controller
class EscalationPagesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EscalationPolicyService policies;
    private final AccessPolicy access;
    private final LevelEscalation levels;

    EscalationPagesController(EscalationPolicyService policies, AccessPolicy access, LevelEscalation levels) {
        this.policies = policies;
        this.access = access;
        this.levels = levels;
    }

    @GetMapping("/alerts/escalation")
    String list(Model model) {
        model.addAttribute("policies", policies.list());
        VigilPrincipal caller = access.requireCurrent();
        model.addAttribute("canConfigure", caller.can("oncall", "configure"));
        boolean canReadLevels = caller.can("incident", "read");
        model.addAttribute("levels", canReadLevels ? levels.list() : java.util.List.of());
        model.addAttribute("canReadLevels", canReadLevels);
        model.addAttribute("canConfigureLevels", caller.can("incident", "configure"));
        return "escalation";
    }

    /** Sets (an empty policy: removes) the escalation policy that pages for an incident level. */
    @PostMapping("/alerts/escalation/levels/{level}")
    String setLevel(@PathVariable int level, @RequestParam(defaultValue = "") String policy, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/escalation", () -> {
            LevelEscalation.LevelPolicy set = levels.set(level, policy).stream().filter(l -> l.level() == level).findFirst()
                    .orElseThrow();
            return set.policy() == null ? "Level " + set.label() + " pages no escalation policy now."
                    : "Level " + set.label() + " pages through " + set.policy() + " now.";
        });
    }

    @PostMapping("/alerts/escalation")
    String create(@RequestParam(defaultValue = "") String policy, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/escalation", () -> {
            EscalationPolicyRequest request;
            try {
                request = JSON.readValue(policy, EscalationPolicyRequest.class);
            } catch (JacksonException e) {
                throw ProblemException.badRequest("invalid-escalation-policy", "the policy is not valid JSON: " + e.getOriginalMessage());
            }
            return "Escalation policy " + policies.create(request).name() + " created.";
        });
    }

    @PostMapping("/alerts/escalation/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/alerts/escalation", () -> {
            policies.delete(id);
            return "Escalation policy deleted.";
        });
    }
}
