package dev.vigil.server.monitoring.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.monitoring.MonitorRequest;
import dev.vigil.server.monitoring.MonitorService;
import dev.vigil.server.monitoring.MonitorVersionView;
import dev.vigil.server.monitoring.MonitorView;
import dev.vigil.server.monitoring.internal.InvalidMonitorException;
import dev.vigil.server.monitoring.internal.MonitorDefinitions;
import dev.vigil.server.monitoring.internal.MonitorPacks;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitors. Changes answer 202 with the pending change request (approve it at /api/v1/changes/{id}/approve), or 200
 * with the applied change on the emergency path. A body is JSON {@code {"monitor": {...} or "yaml text", "reason": ...,
 * "emergency": false}}, or a YAML monitor with {@code ?reason=...&emergency=...}.
 */
@RestController
@Tag(name = "Monitoring")
class MonitorController {

    private static final String YAML_TYPES = "application/yaml, application/x-yaml, text/yaml, text/plain";

    private final MonitorService monitors;

    MonitorController(MonitorService monitors) {
        this.monitors = monitors;
    }

    @GetMapping("/api/v1/monitors")
    List<MonitorView> list() {
        return monitors.list();
    }

    @GetMapping("/api/v1/monitors/{id}")
    MonitorView get(@PathVariable UUID id) {
        return monitors.get(id);
    }

    @GetMapping("/api/v1/monitors/{id}/versions")
    List<MonitorVersionView> versions(@PathVariable UUID id) {
        return monitors.versions(id);
    }

    @PostMapping("/api/v1/monitors")
    @Operation(summary = "Request a new monitor (condition, level, target, receivers, disposal_plan required); 202 with the change request")
    ResponseEntity<ChangeView> create(@RequestBody(required = false) String body, @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean emergency) {
        Envelope request = Envelope.of(body, type, reason, emergency);
        return answer(monitors.requestCreate(request.monitor()));
    }

    @PutMapping("/api/v1/monitors/{id}")
    @Operation(summary = "Request a new version of a monitor; 202 with the change request")
    ResponseEntity<ChangeView> update(@PathVariable UUID id, @RequestBody(required = false) String body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean emergency) {
        Envelope request = Envelope.of(body, type, reason, emergency);
        return answer(monitors.requestUpdate(id, request.monitor()));
    }

    @DeleteMapping("/api/v1/monitors/{id}")
    @Operation(summary = "Request the deletion of a monitor (reason as parameter or JSON body); 202 with the change request")
    ResponseEntity<ChangeView> delete(@PathVariable UUID id, @RequestBody(required = false) String body,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean emergency) {
        Map<String, Object> json = body == null || body.isBlank() ? Map.of() : MonitorDefinitions.parseText(body, true);
        return answer(monitors.requestDelete(id, text(json.get("reason"), reason), flag(json.get("emergency"), emergency)));
    }

    record Rollback(Integer version, String reason, Boolean emergency) {
    }

    @PostMapping("/api/v1/monitors/{id}/rollback")
    @Operation(summary = "Request a rollback to an earlier version {version, reason}; 202 with the change request")
    ResponseEntity<ChangeView> rollback(@PathVariable UUID id, @RequestBody(required = false) Rollback rollback) {
        if (rollback == null || rollback.version() == null) {
            throw ProblemException.badRequest("invalid-rollback", "give the version to roll back to (field 'version')");
        }
        return answer(monitors.requestRollback(id, rollback.version(), rollback.reason(), Boolean.TRUE.equals(rollback.emergency())));
    }

    @GetMapping(path = "/api/v1/monitors/packs/{pack}", produces = "application/yaml")
    @Operation(summary = "The built-in monitor pack as a Prometheus rule file (pack: host)")
    String pack(@PathVariable String pack) {
        if (!pack.equals(MonitorPacks.HOST_PACK)) {
            throw ProblemException.notFound("monitor pack", pack);
        }
        return MonitorPacks.hostPack();
    }

    @PostMapping(path = "/api/v1/monitors/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request monitors for every alerting rule of a pack {pack: host} or a Prometheus rule file {rules: text}, "
            + "with target, receivers, tenant, reason and optional level, disposal_plan and name prefix; one change request for all")
    ResponseEntity<ChangeView> importPack(@RequestBody(required = false) String body) {
        Map<String, Object> json = MonitorDefinitions.parseText(body, true);
        String rules;
        String name;
        if (json.get("pack") != null) {
            name = String.valueOf(json.get("pack"));
            if (!name.equals(MonitorPacks.HOST_PACK)) {
                throw ProblemException.badRequest("unknown-pack", "no built-in pack '" + name + "' (host)");
            }
            rules = MonitorPacks.hostPack();
        } else if (json.get("rules") instanceof String text) {
            rules = text;
            name = json.get("name") == null ? "rules.yml" : String.valueOf(json.get("name"));
        } else {
            throw ProblemException.badRequest("invalid-import", "give a built-in pack (\"pack\": \"host\") or a Prometheus rule file as text (\"rules\")");
        }
        Map<String, Object> defaults = new LinkedHashMap<>(json);
        MonitorPacks.Converted converted = MonitorPacks.convert(rules, name, defaults);
        return answer(monitors.requestImport(converted.definitions(), name, text(json.get("reason"), null), flag(json.get("emergency"), null)));
    }

    private static ResponseEntity<ChangeView> answer(ChangeView change) {
        return ResponseEntity.status(change.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/changes/" + change.id())).body(change);
    }

    /** The request as sent: a definition plus reason and emergency flag. */
    private record Envelope(MonitorRequest monitor) {

        @SuppressWarnings("unchecked")
        static Envelope of(String body, String contentType, String reason, Boolean emergency) {
            boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
            if (!json) {
                return new Envelope(new MonitorRequest(MonitorDefinitions.parseText(body, false), reason, Boolean.TRUE.equals(emergency)));
            }
            Map<String, Object> envelope = MonitorDefinitions.parseText(body, true);
            Object monitor = envelope.get("monitor");
            Map<String, Object> definition;
            if (monitor instanceof Map<?, ?> map) {
                definition = (Map<String, Object>) map;
            } else if (monitor instanceof String text) {
                definition = MonitorDefinitions.parseText(text, false);
            } else {
                throw new InvalidMonitorException("send {\"monitor\": {...}, \"reason\": \"...\"} (the monitor as an object or YAML text)");
            }
            return new Envelope(new MonitorRequest(definition, text(envelope.get("reason"), reason), flag(envelope.get("emergency"), emergency)));
        }
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static boolean flag(Object value, Boolean fallback) {
        return value == null ? Boolean.TRUE.equals(fallback) : Boolean.parseBoolean(String.valueOf(value));
    }
}
