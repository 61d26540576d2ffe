package dev.vigil.server.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vigil.server.access.CommandModeChange;
import dev.vigil.server.access.CommandModeView;
import dev.vigil.server.access.CommandPolicyService;
import dev.vigil.server.access.CommandRuleChange;
import dev.vigil.server.access.CommandRuleView;
import dev.vigil.server.access.TargetService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bastion's command policy: the rules in the order the gateway checks them (new, edit, delete apply at once, as
 * in the API), the scope modes (set, replaced and removed at once, as in the API), and a dry run of a command line showing the verdict, the deciding rule and what the
 * analyser saw.
 */
@Controller
class BastionCommandRulesPageController {

    private final CommandPolicyService policy;
    private final TargetService targets;

    BastionCommandRulesPageController(CommandPolicyService policy, TargetService targets) {
        this.policy = policy;
        this.targets = targets;
    }

    /** The dry run is a GET: it changes nothing, and its result is the page. */
    @GetMapping("/bastion/command-rules")
    String list(@RequestParam(required = false) String line, @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String targetGroups, @RequestParam(defaultValue = "") String account, Model model) {
        List<CommandRuleView> rules = policy.rules();
        model.addAttribute("rules", rules);
        model.addAttribute("modes", policy.modes());
        model.addAttribute("targets", targets.list());
        model.addAttribute("line", line);
        model.addAttribute("testTarget", target);
        model.addAttribute("testGroups", targetGroups);
        model.addAttribute("testAccount", account);
        if (line != null) {
            try {
                var result = policy.test(line, target, words(targetGroups), account);
                model.addAttribute("result", result);
                Map<String, String> names = rules.stream().collect(Collectors.toMap(r -> r.id().toString(), CommandRuleView::name));
                model.addAttribute("resultRule", result.ruleId() == null ? null : names.getOrDefault(result.ruleId(), result.ruleId()));
            } catch (ProblemException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "bastion-command-rules";
    }

    @PostMapping("/bastion/command-rules")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-rules", () -> "Rule " + policy.create(change(form)).name() + " added; it applies to the next command.");
    }

    @GetMapping("/bastion/command-rules/{id}")
    String rule(@PathVariable UUID id, Model model) {
        model.addAttribute("rule", policy.rule(id));
        return "bastion-command-rule";
    }

    @PostMapping("/bastion/command-rules/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-rules/" + id, () -> "Rule " + policy.update(id, change(form)).name()
                + " saved; it applies to the next command.");
    }

    @PostMapping("/bastion/command-rules/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-rules", () -> {
            String name = policy.rule(id).name();
            policy.delete(id);
            return "Rule " + name + " deleted.";
        });
    }

    @PostMapping("/bastion/command-modes")
    String setMode(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-rules", () -> {
            CommandModeView set = policy.setMode(new CommandModeChange(form.get("targetGroup"), form.get("account"), form.get("mode"),
                    form.get("uncertain")));
            return "Scope " + scope(set) + " is now " + set.mode() + " (uncertain commands: " + set.uncertain()
                    + "); it applies to the next command.";
        });
    }

    @PostMapping("/bastion/command-modes/{id}/delete")
    String deleteMode(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-rules", () -> {
            CommandModeView mode = policy.modes().stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("command mode", id));
            policy.deleteMode(id);
            return "The mode of scope " + scope(mode) + " is removed; it is in deny-list mode again.";
        });
    }

    private static String scope(CommandModeView mode) {
        return (mode.targetGroup() == null ? "any target group" : mode.targetGroup()) + " / "
                + (mode.account() == null ? "any account" : mode.account());
    }

    private static CommandRuleChange change(Map<String, String> form) {
        Function<String, String> field = key -> form.getOrDefault(key, "");
        Integer priority;
        try {
            priority = field.apply("priority").isBlank() ? null : Integer.valueOf(field.apply("priority").strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-input", "priority: a whole number (lower is checked first)");
        }
        return new CommandRuleChange(field.apply("name"), priority, field.apply("targetGroup"), field.apply("account"),
                words(field.apply("programs")), field.apply("pattern"), field.apply("action"), field.apply("description"));
    }

    /** Names typed in one field, separated by spaces or commas. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(w -> !w.isBlank()).toList();
    }
}
