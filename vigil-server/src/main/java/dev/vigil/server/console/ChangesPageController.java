package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.identity.AccessPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Change requests: the pending ones with their diff to approve or reject, emergency changes awaiting review, history. */
@Controller
class ChangesPageController {

    private final ChangeRequests changes;
    private final AccessPolicy access;

    ChangesPageController(ChangeRequests changes, AccessPolicy access) {
        this.changes = changes;
        this.access = access;
    }

    @GetMapping("/changes")
    String list(@RequestParam(defaultValue = "pending") String state, Model model) {
        String shown = state.equals("all") ? null : state;
        model.addAttribute("state", state);
        model.addAttribute("changes", changes.list(shown, null, null, false));
        model.addAttribute("reviews", changes.list(null, null, null, true));
        model.addAttribute("myId", access.requireCurrent().userId());
        return "changes";
    }

    @PostMapping("/changes/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Flash.run(redirect, "/changes", () -> "Change " + changes.approve(id, comment).state() + ".");
    }

    @PostMapping("/changes/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Flash.run(redirect, "/changes", () -> {
            changes.reject(id, comment);
            return "Change rejected.";
        });
    }

    @PostMapping("/changes/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/changes", () -> {
            changes.withdraw(id, null);
            return "Change withdrawn.";
        });
    }

    @PostMapping("/changes/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Flash.run(redirect, "/changes", () -> {
            changes.review(id, comment);
            return "Emergency change reviewed.";
        });
    }
}
