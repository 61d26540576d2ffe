package dev.vigil.server.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.audit.AuditReviews;
import dev.vigil.server.audit.ReviewSelection;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Audit review periods for internal auditors. */
@Controller
class ReviewPageController {

    private final AuditReviews reviews;

    ReviewPageController(AuditReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/audit/reviews")
    String periods(Model model) {
        model.addAttribute("periods", reviews.periods());
        return "reviews";
    }

    @PostMapping("/audit/reviews")
    String open(@RequestParam String name, @RequestParam LocalDate from, @RequestParam LocalDate to, RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews", () -> {
            var period = reviews.open(name, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            return "Review period " + period.name() + " opened.";
        });
    }

    @GetMapping("/audit/reviews/{id}")
    String period(@PathVariable UUID id, @RequestParam(required = false) String status, Model model) {
        model.addAttribute("period", reviews.period(id));
        model.addAttribute("items", reviews.items(id, status == null || status.isBlank() ? null : status, 200));
        model.addAttribute("findings", reviews.findings(id));
        model.addAttribute("presets", ReviewSelection.PRESETS);
        model.addAttribute("status", status);
        return "review";
    }

    @PostMapping("/audit/reviews/{id}/selections")
    String select(@PathVariable UUID id, @RequestParam String kind, @RequestParam(defaultValue = "") String preset,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "0") double percent,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews/" + id, () -> {
            ReviewSelection selection = switch (kind) {
                case "preset" -> new ReviewSelection.Preset(preset);
                case "sample" -> new ReviewSelection.Sample(percent);
                case "filter" -> new ReviewSelection.Filter(action, null, null, null, null);
                default -> throw ProblemException.badRequest("invalid-input", "unknown selection " + kind);
            };
            return reviews.select(id, selection) + " record(s) added to the review.";
        });
    }

    @PostMapping("/audit/reviews/{id}/items/{seq}")
    String mark(@PathVariable UUID id, @PathVariable long seq, @RequestParam String status,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews/" + id + "?status=pending", () -> {
            reviews.mark(id, seq, status, comment);
            return "Record " + seq + " marked " + status + ".";
        });
    }

    @PostMapping("/audit/reviews/{id}/findings")
    String raise(@PathVariable UUID id, @RequestParam String title, @RequestParam(defaultValue = "") String description,
            @RequestParam String severity, @RequestParam String owner, @RequestParam LocalDate dueDate,
            @RequestParam(defaultValue = "") String records, RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews/" + id, () -> {
            List<Long> seqs;
            try {
                seqs = Arrays.stream(records.split("[\\s,]+")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-input", "records must be sequence numbers separated by commas");
            }
            reviews.raise(id, title, description, severity, owner, dueDate, seqs);
            return "Finding raised.";
        });
    }

    @PostMapping("/audit/reviews/{id}/findings/{findingId}/resolve")
    String resolve(@PathVariable UUID id, @PathVariable UUID findingId, @RequestParam String resolution, RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews/" + id, () -> {
            reviews.resolve(id, findingId, resolution);
            return "Finding resolved.";
        });
    }

    @PostMapping("/audit/reviews/{id}/sign-off")
    String signOff(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return Flash.run(redirect, "/audit/reviews/" + id, () -> {
            reviews.signOff(id, note);
            return "Period signed off.";
        });
    }
}
