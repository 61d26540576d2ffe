package dev.vigil.server.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.incident.IncidentService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for an open incident page: a {@code changed} event whenever the incident changes (by anyone), so
 * the page reloads itself. The stream checks every two seconds and ends after 30 minutes (the browser reconnects).
 */
@RestController
class IncidentUpdatesController {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration STREAM_FOR = Duration.ofMinutes(30);

    private final IncidentService incidents;

    IncidentUpdatesController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping(path = "/incidents/{id}/updates", produces = "text/event-stream")
    SseEmitter updates(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        Instant seen = incidents.lastChange(id);
        SecurityContext caller = SecurityContextHolder.getContext();
        // the dispatch that ends the stream passes the filter chain again: it must find the caller there
        new RequestAttributeSecurityContextRepository().saveContext(caller, request, response);
        SseEmitter emitter = new SseEmitter(STREAM_FOR.toMillis() + 5_000);
        Thread.ofVirtual().name("incident-updates-" + id).start(() -> watch(id, seen, caller, emitter));
        return emitter;
    }

    private void watch(UUID id, Instant seen, SecurityContext caller, SseEmitter emitter) {
        SecurityContextHolder.setContext(caller);
        Instant last = seen;
        Instant until = Instant.now().plus(STREAM_FOR);
        try {
            while (Instant.now().isBefore(until)) {
                Thread.sleep(CHECK_EVERY);
                Instant now = incidents.lastChange(id);
                if (!now.equals(last)) {
                    last = now;
                    emitter.send(SseEmitter.event().name("changed").data(now.toString()));
                } else {
                    emitter.send(SseEmitter.event().comment("still here"));
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException | ProblemException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
