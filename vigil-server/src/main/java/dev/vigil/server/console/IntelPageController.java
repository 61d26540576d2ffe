package dev.vigil.server.console;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.intel.AttackCoverageService;
import dev.vigil.server.intel.FeedChange;
import dev.vigil.server.intel.FeedService;
import dev.vigil.server.intel.IndicatorHuntService;
import dev.vigil.server.intel.IndicatorLifecycleService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Threat intelligence: indicator feeds, their imports, indicator look-up and retro-hunts. */
@Controller
class IntelPageController {

    private final FeedService feeds;
    private final IndicatorHuntService hunts;
    private final IndicatorLifecycleService lifecycle;
    private final AttackCoverageService attack;

    IntelPageController(FeedService feeds, IndicatorHuntService hunts, IndicatorLifecycleService lifecycle,
            AttackCoverageService attack) {
        this.attack = attack;
        this.feeds = feeds;
        this.hunts = hunts;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/intel")
    String page(@RequestParam(defaultValue = "") String value, Model model) {
        model.addAttribute("feeds", feeds.list());
        model.addAttribute("status", feeds.status());
        model.addAttribute("value", value);
        model.addAttribute("found", value.isBlank() ? null : feeds.lookup(value));
        model.addAttribute("hunts", hunts.list());
        model.addAttribute("allowlist", lifecycle.allowlist());
        model.addAttribute("suppressed", lifecycle.suppressed());
        model.addAttribute("verdicts", lifecycle.verdicts());
        return "intel";
    }

    @PostMapping("/intel/feeds")
    String create(@RequestParam String name, @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String tenant,
            @RequestParam(defaultValue = "50") int confidence, @RequestParam(defaultValue = "30") int expiresAfterDays,
            @RequestParam(defaultValue = "clear") String tlp, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "60") int pollMinutes, @RequestParam(defaultValue = "") String authHeader,
            @RequestParam(defaultValue = "") String authValue, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            feeds.create(new FeedChange(name, format, source, "", tenant, confidence, expiresAfterDays, tlp, url,
                    url.isBlank() ? 0 : pollMinutes, authHeader, authValue));
            return "Feed " + name.trim() + " created.";
        });
    }

    @PostMapping("/intel/feeds/{id}/indicators")
    String importIndicators(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            try {
                var report = feeds.importIndicators(id, file.getBytes());
                redirect.addFlashAttribute("problems", report.problems());
                return report.imported() + " indicators imported (" + report.previous() + " replaced), "
                        + report.skipped() + " skipped.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @PostMapping("/intel/feeds/{id}/poll")
    String poll(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var result = feeds.poll(id);
            if (result.report() != null) {
                redirect.addFlashAttribute("problems", result.report().problems());
            }
            return switch (result.outcome()) {
                case "imported" -> "Fetched: " + result.report().imported() + " indicators imported, " + result.report().revoked()
                        + " revoked, " + result.report().skipped() + " skipped.";
                case "not-modified" -> "Fetched: nothing new.";
                default -> throw ProblemException.badRequest("fetch-failed", "Fetching failed: " + result.error());
            };
        });
    }

    @PostMapping("/intel/feeds/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var feed = feeds.setEnabled(id, enabled);
            return "Feed " + feed.name() + (enabled ? " enabled." : " disabled.");
        });
    }

    @PostMapping("/intel/feeds/{id}/tenants")
    String enableForTenant(@PathVariable UUID id, @RequestParam(defaultValue = "") String tenant, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var feed = feeds.setEnabledForTenant(id, tenant, enabled);
            return "Feed " + feed.name() + (enabled ? " on again" : " off") + " for tenant " + tenant.strip() + ".";
        });
    }

    @GetMapping("/intel/attack")
    String attack(@RequestParam(defaultValue = "") String matrix, @RequestParam(defaultValue = "30") int days, Model model) {
        var matrices = attack.matrices();
        String chosen = matrix.isBlank() && !matrices.isEmpty() ? matrices.get(0).id() : matrix;
        model.addAttribute("matrices", matrices);
        model.addAttribute("matrix", chosen);
        model.addAttribute("days", days);
        model.addAttribute("coverage", chosen.isBlank() ? null : attack.coverage(chosen, days));
        return "attack";
    }

    @PostMapping("/intel/attack")
    String loadAttack(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel/attack", () -> {
            try {
                var loaded = attack.load(file.getBytes());
                return loaded.name() + " loaded: " + loaded.tactics() + " tactics, " + loaded.techniques() + " techniques.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @PostMapping("/intel/allowlist")
    String allow(@RequestParam String value, @RequestParam(defaultValue = "false") boolean subdomains,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> "Allowlisted " + lifecycle.allow(value, subdomains, note).value() + ".");
    }

    @PostMapping("/intel/allowlist/{id}/delete")
    String disallow(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            lifecycle.disallow(id);
            return "Allowlist entry removed.";
        });
    }

    @PostMapping("/intel/verdicts")
    String judge(@RequestParam String value, @RequestParam String verdict, @RequestParam String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var judged = lifecycle.judge(value, verdict, reason);
            return judged.value() + " marked " + judged.verdict() + " in every feed.";
        });
    }

    @PostMapping("/intel/verdicts/{id}/delete")
    String lift(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            lifecycle.lift(id, reason);
            return "Verdict lifted; the value is matched again.";
        });
    }

    @PostMapping("/intel/hunts")
    String hunt(@RequestParam String values, @RequestParam String from, @RequestParam String to, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var hunt = hunts.start(null, Arrays.stream(values.split("\\r?\\n")).map(String::strip).filter(v -> !v.isEmpty()).toList(),
                    TimeExpression.parse("from", from, Instant.now()), TimeExpression.parse("to", to, Instant.now()));
            return "Retro-hunt " + hunt.id() + " started; refresh to see its progress.";
        });
    }
}
