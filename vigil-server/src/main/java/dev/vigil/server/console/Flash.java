package dev.vigil.server.console;

import java.util.function.Supplier;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a console action and redirects, carrying its success note or its refusal to the next page. */
final class Flash {

    private Flash() {
    }

    static String run(RedirectAttributes redirect, String target, Supplier<String> action) {
        try {
            String note = action.get();
            if (note != null) {
                redirect.addFlashAttribute("notice", note);
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }
}
