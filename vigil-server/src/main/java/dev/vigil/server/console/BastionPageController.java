package dev.vigil.server.console;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.access.SessionDetail;
import dev.vigil.server.access.SessionLiveStreams;
import dev.vigil.server.access.SessionService;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bastion sessions for reviewers: the list, and one session with its commands, transfers, transcript and its recording
 * replayed in the page; for a running one its held commands (to decide on the Changes page), its live output (holders
 * of bastion-session:monitor) and a kill button (bastion-session:terminate).
 */
@Controller
class BastionPageController {

    private final SessionService sessions;
    private final SessionLiveStreams streams;
    private final AccessPolicy access;

    BastionPageController(SessionService sessions, SessionLiveStreams streams, AccessPolicy access) {
        this.sessions = sessions;
        this.streams = streams;
        this.access = access;
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
        model.addAttribute("held", sessions.heldCommands(id));
        VigilPrincipal caller = access.requireCurrent();
        UUID tenant = detail.session().tenantId();
        model.addAttribute("canWatch", detail.session().live() && (tenant == null ? caller.canEverywhere("bastion-session", "monitor")
                : caller.can("bastion-session", "monitor", tenant)));
        model.addAttribute("canKill", detail.session().live() && (tenant == null ? caller.canEverywhere("bastion-session", "terminate")
                : caller.can("bastion-session", "terminate", tenant)));
        return "bastion-session";
    }

    @GetMapping("/bastion/sessions/{id}/live")
    @ResponseBody
    SseEmitter live(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        return streams.follow(id, request, response);
    }

    @PostMapping("/bastion/sessions/{id}/kill")
    String kill(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/sessions/" + id, () -> {
            sessions.terminate(id, reason);
            return "Session killed.";
        });
    }
}
