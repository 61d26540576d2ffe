package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.alerting.EscalationPolicyRequest;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.identity.AccessPolicy;
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

/** Escalation policies: the list with their steps, a new policy as JSON (the API's body), deletion. */
@Controller
class EscalationPagesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EscalationPolicyService policies;
    private final AccessPolicy access;

    EscalationPagesController(EscalationPolicyService policies, AccessPolicy access) {
        this.policies = policies;
        this.access = access;
    }

    @GetMapping("/alerts/escalation")
    String list(Model model) {
        model.addAttribute("policies", policies.list());
        model.addAttribute("canConfigure", access.requireCurrent().can("oncall", "configure"));
        return "escalation";
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
