package dev.vigil.server.console;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.intel.FeedChange;
import dev.vigil.server.intel.FeedService;
import dev.vigil.server.intel.IndicatorHuntService;
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

    IntelPageController(FeedService feeds, IndicatorHuntService hunts) {
        this.feeds = feeds;
        this.hunts = hunts;
    }

    @GetMapping("/intel")
    String page(@RequestParam(defaultValue = "") String value, Model model) {
        model.addAttribute("feeds", feeds.list());
        model.addAttribute("status", feeds.status());
        model.addAttribute("value", value);
        model.addAttribute("found", value.isBlank() ? null : feeds.lookup(value));
        model.addAttribute("hunts", hunts.list());
        return "intel";
    }

    @PostMapping("/intel/feeds")
    String create(@RequestParam String name, @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String tenant,
            @RequestParam(defaultValue = "50") int confidence, @RequestParam(defaultValue = "30") int expiresAfterDays,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            feeds.create(new FeedChange(name, format, source, "", tenant, confidence, expiresAfterDays));
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
                        + report.problems().size() + " line(s) skipped.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @PostMapping("/intel/feeds/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/intel", () -> {
            var feed = feeds.setEnabled(id, enabled);
            return "Feed " + feed.name() + (enabled ? " enabled." : " disabled.");
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
