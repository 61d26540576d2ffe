package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.access.SessionDetail;
import dev.vigil.server.access.SessionService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Bastion sessions for reviewers: the list, and one session with its commands, its transcript and its recording replayed in the page. */
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

    /** The recording for the in-browser player (the API's is bearer-only); each replay is audited by the service. */
    @GetMapping("/bastion/sessions/{id}/recording")
    ResponseEntity<byte[]> recording(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-asciicast"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"session-" + id + ".cast\"")
                .body(sessions.recording(id));
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
