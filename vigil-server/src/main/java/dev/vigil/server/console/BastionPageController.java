package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.access.SessionDetail;
import dev.vigil.server.access.SessionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Bastion sessions for reviewers: the list, and one session with its commands, its transcript and its recording. */
@Controller
class BastionPageController {

    private final SessionService sessions;

    BastionPageController(SessionService sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/bastion/sessions")
    String list(@RequestParam(defaultValue = "") String username, Model model) {
        model.addAttribute("sessions", sessions.list(username.isBlank() ? null : username, null, 200, 0));
        model.addAttribute("username", username);
        return "bastion-sessions";
    }

    @GetMapping("/bastion/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        SessionDetail detail = sessions.get(id);
        model.addAttribute("s", detail.session());
        model.addAttribute("commands", detail.commands());
        model.addAttribute("transfers", detail.transfers());
        model.addAttribute("transcript", detail.session().endedAt() == null ? null : sessions.transcript(id));
        return "bastion-session";
    }
}
