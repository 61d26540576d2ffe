package dev.vigil.server.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.access.CommandTemplateChange;
import dev.vigil.server.access.CommandTemplateService;
import dev.vigil.server.access.CommandTemplateView;
import dev.vigil.server.access.TargetService;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pre-approved command templates: the approved ones at their current version with the creations waiting for approval,
 * one template with its typed parameters, every version and its pending changes, and forms that propose a template, a
 * new version or a deletion (change requests another person approves under Changes, as in the API).
 */
@Controller
class BastionCommandTemplatesPageController {

    /** Parameter rows a form offers beyond a template's own. */
    static final int BLANK_PARAMETER_ROWS = 3;

    private final CommandTemplateService templates;
    private final TargetService targets;
    private final ChangeRequests changes;

    BastionCommandTemplatesPageController(CommandTemplateService templates, TargetService targets, ChangeRequests changes) {
        this.templates = templates;
        this.targets = targets;
        this.changes = changes;
    }

    @GetMapping("/bastion/command-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        model.addAttribute("pending", changes.list("pending", CommandTemplateService.CREATE, null, false));
        model.addAttribute("targets", targets.list());
        model.addAttribute("blankRows", BLANK_PARAMETER_ROWS + 1);
        return "bastion-command-templates";
    }

    @PostMapping("/bastion/command-templates")
    String propose(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-templates", () -> "Template " + templates.requestCreate(change(form), first(form, "reason"))
                .subject() + " proposed; it applies when another person approves it under Changes.");
    }

    @GetMapping("/bastion/command-templates/{id}")
    String template(@PathVariable UUID id, Model model) {
        CommandTemplateView template = templates.get(id);
        model.addAttribute("t", template);
        model.addAttribute("pending", changes.pendingFor("access.command-template.", id.toString()));
        model.addAttribute("targets", targets.list());
        model.addAttribute("blankRows", BLANK_PARAMETER_ROWS);
        return "bastion-command-template";
    }

    @PostMapping("/bastion/command-templates/{id}")
    String proposeVersion(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-templates/" + id, () -> {
            templates.requestUpdate(id, change(form), first(form, "reason"));
            return "New version proposed; it applies when another person approves it under Changes.";
        });
    }

    @PostMapping("/bastion/command-templates/{id}/delete")
    String proposeDeletion(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/command-templates/" + id, () -> {
            templates.requestDelete(id, reason);
            return "Deletion proposed; it applies when another person approves it under Changes.";
        });
    }

    /** The template the form describes; parameter rows left without a name are ignored. */
    private static CommandTemplateChange change(MultiValueMap<String, String> form) {
        List<String> names = all(form, "paramName");
        List<CommandTemplateChange.Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                continue;
            }
            String values = at(form, "paramValues", i);
            parameters.add(new CommandTemplateChange.Parameter(names.get(i).strip(), at(form, "paramType", i), number(at(form, "paramMin", i),
                    names.get(i), "min"), number(at(form, "paramMax", i), names.get(i), "max"),
                    values.isBlank() ? null : Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList(),
                    at(form, "paramPrefix", i).isBlank() ? null : at(form, "paramPrefix", i).strip()));
        }
        return new CommandTemplateChange(first(form, "name"), first(form, "description"), first(form, "command"), first(form, "target"),
                first(form, "targetGroup"), first(form, "account"), parameters);
    }

    private static Long number(String text, String parameter, String field) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-command-template", "parameter " + parameter.strip() + ": " + field + " must be a whole number");
        }
    }

    private static String first(MultiValueMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value;
    }

    private static List<String> all(MultiValueMap<String, String> form, String key) {
        List<String> values = form.get(key);
        return values == null ? List.of() : values;
    }

    private static String at(MultiValueMap<String, String> form, String key, int index) {
        List<String> values = all(form, key);
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }
}
