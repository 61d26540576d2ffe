package dev.vigil.server.access.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.SessionCommandView;
import dev.vigil.server.access.SessionDetail;
import dev.vigil.server.access.SessionService;
import dev.vigil.server.access.SessionTransferView;
import dev.vigil.server.access.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recorded bastion sessions. */
@RestController
@Tag(name = "Bastion")
class SessionController {

    static final MediaType ASCIICAST = MediaType.parseMediaType("application/x-asciicast");

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    record TerminateRequest(@Size(max = 500) String reason) {
    }

    @GetMapping("/api/v1/sessions")
    List<SessionView> list(@RequestParam(required = false) String username, @RequestParam(required = false) Boolean live,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return sessions.list(username, live, limit, offset);
    }

    @GetMapping("/api/v1/sessions/{id}")
    SessionDetail get(@PathVariable UUID id) {
        return sessions.get(id);
    }

    @GetMapping("/api/v1/sessions/{id}/commands")
    List<SessionCommandView> commands(@PathVariable UUID id) {
        return sessions.get(id).commands();
    }

    @GetMapping("/api/v1/sessions/{id}/transfers")
    @Operation(summary = "The file operations of an SFTP or SCP session: direction, path, size and SHA-256 per file; removes, renames, mkdirs")
    List<SessionTransferView> transfers(@PathVariable UUID id) {
        return sessions.get(id).transfers();
    }

    @GetMapping("/api/v1/sessions/{id}/recording")
    @Operation(summary = "The session's recording as asciicast v2 (application/x-asciicast); its SHA-256 is in the session and the audit ledger")
    ResponseEntity<byte[]> recording(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(ASCIICAST).header("Content-Disposition", "attachment; filename=\"session-" + id + ".cast\"")
                .body(sessions.recording(id));
    }

    @PostMapping("/api/v1/sessions/{id}/terminate")
    @Operation(summary = "Kill a live session at once; the operator sees the reason")
    SessionView terminate(@PathVariable UUID id, @Valid @RequestBody(required = false) TerminateRequest request) {
        return sessions.terminate(id, request == null ? null : request.reason());
    }
}
