package dev.vigil.server.console;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import dev.vigil.server.detection.BaselineService;
import dev.vigil.server.detection.RetroHuntService;
import dev.vigil.server.detection.RuleExceptionService;
import dev.vigil.server.detection.RuleImports;
import dev.vigil.server.detection.RuleService;
import dev.vigil.server.detection.RuleTester;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Detection rules: the list with status and hits, import, and one rule with versions, exceptions, tests and hunts. */
@Controller
class RulesPageController {

    private final RuleService rules;
    private final RuleImports imports;
    private final RuleExceptionService exceptions;
    private final RuleTester tester;
    private final RetroHuntService hunts;
    private final BaselineService baselines;

    RulesPageController(RuleService rules, RuleImports imports, RuleExceptionService exceptions, RuleTester tester,
            RetroHuntService hunts, BaselineService baselines) {
        this.baselines = baselines;
        this.rules = rules;
        this.imports = imports;
        this.exceptions = exceptions;
        this.tester = tester;
        this.hunts = hunts;
    }

    @GetMapping("/rules")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int offset, Model model) {
        model.addAttribute("rules", rules.list(q, null, null, null, 100, Math.max(0, offset)));
        model.addAttribute("total", rules.count());
        model.addAttribute("q", q);
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("baselines", baselines.list());
        return "rules";
    }

    @PostMapping("/rules/import")
    String importArchive(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean disabled,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules", () -> {
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
            var report = imports.importUpload(file.getOriginalFilename(), bytes, !disabled);
            redirect.addFlashAttribute("problems", report.problems());
            return "Imported " + report.files() + " file(s): " + report.created() + " new, " + report.updated() + " changed, "
                    + report.unchanged() + " unchanged, " + report.problems().size() + " problem(s).";
        });
    }

    @PostMapping("/rules/baselines/{name}/enabled")
    String enableBaseline(@PathVariable String name, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules", () -> {
            baselines.setEnabled(name, enabled);
            return "Baseline " + name + (enabled ? " enabled." : " disabled.");
        });
    }

    @GetMapping("/rules/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("detail", rules.get(id));
        model.addAttribute("hunts", hunts.list().stream().filter(h -> id.toString().equals(h.subjectId())).toList());
        model.addAttribute("now", Instant.now());
        model.addAttribute("defaultExpiry", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
        return "rule";
    }

    @PostMapping("/rules/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, @RequestParam(defaultValue = "") String tenant,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules/" + id, () -> {
            rules.setEnabled(id, tenant.isBlank() ? null : tenant.trim(), enabled);
            return "Rule " + (enabled ? "enabled" : "disabled") + (tenant.isBlank() ? "." : " for " + tenant.trim() + ".");
        });
    }

    @PostMapping("/rules/{id}/test")
    String test(@PathVariable UUID id, @RequestParam(defaultValue = "") String events,
            @RequestParam(defaultValue = "false") boolean ignoreLogsource, RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules/" + id, () -> {
            var result = tester.testStored(id, events, ignoreLogsource);
            redirect.addFlashAttribute("testResult", result);
            redirect.addFlashAttribute("testEvents", events);
            return result.matches().size() + " of " + result.events() + " event(s) matched.";
        });
    }

    @PostMapping("/rules/{id}/exceptions")
    String addException(@PathVariable UUID id, @RequestParam(defaultValue = "") String tenant, @RequestParam String field,
            @RequestParam String values, @RequestParam(defaultValue = "") String reason, @RequestParam String expiresAt,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules/" + id, () -> {
            exceptions.create(id, new RuleExceptionService.NewException(tenant, field,
                    Arrays.stream(values.split("\\r?\\n")).map(String::trim).filter(v -> !v.isEmpty()).toList(), reason,
                    TimeExpression.parse("expiresAt", expiresAt, Instant.now())));
            return "Exception added.";
        });
    }

    @PostMapping("/rules/{id}/exceptions/{exceptionId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID exceptionId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules/" + id, () -> {
            exceptions.revoke(exceptionId);
            return "Exception revoked.";
        });
    }

    @PostMapping("/rules/{id}/hunt")
    String hunt(@PathVariable UUID id, @RequestParam String from, @RequestParam String to, RedirectAttributes redirect) {
        return Flash.run(redirect, "/rules/" + id, () -> {
            var hunt = hunts.start(id, null, TimeExpression.parse("from", from, Instant.now()),
                    TimeExpression.parse("to", to, Instant.now()), false);
            return "Retro-hunt " + hunt.id() + " started; refresh to see its progress.";
        });
    }
}
