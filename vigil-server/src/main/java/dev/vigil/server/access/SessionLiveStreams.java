package dev.vigil.server.access;

import java.io.IOException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.bastion.recording.LiveTail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Watching a live session over HTTP (the API and the console): checks and audits the watch through
 * {@link SessionService#watch}, then sends the session's asciicast lines as server-sent events, one line per event, on its own virtual thread; a
 * comment every 15 s keeps proxies from closing a quiet stream; an {@code end} event when the session ends (or the viewer
 * fell too far behind). The stream lasts at most 12 hours (the client reconnects).
 */
@Component
public class SessionLiveStreams {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration LONGEST = Duration.ofHours(12);

    private final SessionService sessions;

    SessionLiveStreams(SessionService sessions) {
        this.sessions = sessions;
    }

    public SseEmitter follow(UUID sessionId, HttpServletRequest request, HttpServletResponse response) {
        LiveTail.Viewer viewer = sessions.watch(sessionId);
        // the dispatch that ends the stream passes the filter chain again: it must find the caller there
        new RequestAttributeSecurityContextRepository().saveContext(SecurityContextHolder.getContext(), request, response);
        SseEmitter emitter = new SseEmitter(LONGEST.toMillis());
        emitter.onCompletion(viewer::close);
        emitter.onTimeout(viewer::close);
        emitter.onError(e -> viewer.close());
        Thread.ofVirtual().name("vigil-session-live-" + sessionId).start(() -> send(viewer, emitter));
        return emitter;
    }

    private static void send(LiveTail.Viewer viewer, SseEmitter emitter) {
        try (viewer) {
            while (true) {
                Optional<String> line;
                try {
                    line = viewer.next(KEEP_ALIVE);
                } catch (NoSuchElementException ended) {
                    emitter.send(SseEmitter.event().name("end").data(ended.getMessage()));
                    emitter.complete();
                    return;
                }
                if (line.isPresent()) {
                    emitter.send(SseEmitter.event().data(line.get()));
                } else {
                    emitter.send(SseEmitter.event().comment("still here"));
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the viewer went away
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }
}
