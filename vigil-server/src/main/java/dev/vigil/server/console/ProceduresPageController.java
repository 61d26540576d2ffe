package dev.vigil.server.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.access.ProcedureExecutionRequest;
import dev.vigil.server.access.ProcedureExecutionService;
import dev.vigil.server.access.ProcedureExecutionView;
import dev.vigil.server.access.ProcedureService;
import dev.vigil.server.access.ProcedureTick;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operating procedures: the templates with a form to start an execution, the executions, and one execution with its
 * steps (tick the next one with evidence), its bound sessions and its commands outside the plan.
 */
@Controller
class ProceduresPageController {

    private final ProcedureService procedures;
    private final ProcedureExecutionService executions;
    private final AccessPolicy access;

    ProceduresPageController(ProcedureService procedures, ProcedureExecutionService executions, AccessPolicy access) {
        this.procedures = procedures;
        this.executions = executions;
        this.access = access;
    }

    @GetMapping("/procedures")
    String list(Model model) {
        model.addAttribute("procedures", procedures.list());
        model.addAttribute("executions", executions.list(null));
        model.addAttribute("canStart", access.requireCurrent().can("procedure-execution", "create"));
        return "procedures";
    }

    @PostMapping("/procedures/executions")
    String start(@RequestParam(defaultValue = "") String procedure, @RequestParam(defaultValue = "") String targets,
            @RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String until, RedirectAttributes redirect) {
        String[] started = {null};
        String page = Flash.run(redirect, "/procedures", () -> {
            List<String> names = Arrays.stream(targets.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
            started[0] = executions.request(new ProcedureExecutionRequest(procedure, names, account, purpose, null, utc(until))).subject();
            return "Execution requested; it waits for approval under Changes.";
        });
        return started[0] == null ? page : "redirect:/procedures/executions/" + started[0];
    }

    @GetMapping("/procedures/executions/{id}")
    String execution(@PathVariable UUID id, Model model) {
        ProcedureExecutionView execution = executions.get(id);
        model.addAttribute("e", execution);
        model.addAttribute("mine", execution.userId().equals(access.requireCurrent().userId()));
        return "procedure-execution";
    }

    @PostMapping("/procedures/executions/{id}/steps/{step}/tick")
    String tick(@PathVariable UUID id, @PathVariable String step, @RequestParam(defaultValue = "") String evidence,
            @RequestParam(defaultValue = "") String command, @RequestParam(defaultValue = "") String link, RedirectAttributes redirect) {
        return Flash.run(redirect, "/procedures/executions/" + id, () -> {
            int number;
            try {
                number = Integer.parseInt(step);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-input", "step: a step number");
            }
            UUID session = null;
            Integer seq = null;
            if (!command.isBlank()) {
                String[] parts = command.strip().split("#", 2);
                try {
                    session = UUID.fromString(parts[0]);
                    seq = Integer.valueOf(parts[1]);
                } catch (RuntimeException e) {
                    throw ProblemException.badRequest("invalid-input", "command: choose a command of a bound session");
                }
            }
            return "Step " + number + " ticked; the execution is " + executions.tick(id, number, new ProcedureTick(evidence, session, seq, link)).state() + ".";
        });
    }

    @PostMapping("/procedures/executions/{id}/abandon")
    String abandon(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/procedures/executions/" + id, () -> {
            executions.abandon(id, reason);
            return "Execution abandoned; its grants ended.";
        });
    }

    private static Instant utc(String local) {
        if (local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-input", "until: a date and time (UTC), e.g. 2026-01-31T18:00");
        }
    }
}
