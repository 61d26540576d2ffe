package dev.vigil.server.console;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.server.alerting.AckLinkService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind a notification's acknowledgement link: it shows the alert and asks for a click, because mail
 * scanners and chat previews open links; only the POST acknowledges.
 */
@Controller
class AckPageController {

    private final AckLinkService links;

    AckPageController(AckLinkService links) {
        this.links = links;
    }

    @GetMapping("/ack/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("alert", links.alertOf(token));
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "ack";
    }

    @PostMapping("/ack/{token}")
    String acknowledge(@PathVariable String token, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("alert", links.acknowledge(token, request.getRemoteAddr()));
            model.addAttribute("done", true);
        } catch (ProblemException e) {
            if (!e.status().is4xxClientError() || e.status().value() != 409) {
                throw e;
            }
            model.addAttribute("alert", links.alertOf(token));
            model.addAttribute("done", true);
            model.addAttribute("used", true);
        }
        model.addAttribute("token", token);
        return "ack";
    }
}
