package dev.vigil.server.detection.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.detection.ImportReport;
import dev.vigil.server.detection.RetroHuntService;
import dev.vigil.server.detection.RuleDetail;
import dev.vigil.server.detection.RuleExceptionService;
import dev.vigil.server.detection.RuleExceptionView;
import dev.vigil.server.detection.RuleImports;
import dev.vigil.server.detection.RuleService;
import dev.vigil.server.detection.RuleTestResult;
import dev.vigil.server.detection.RuleTester;
import dev.vigil.server.detection.RuleView;
import dev.vigil.server.ingest.EventHuntView;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sigma rules: import, list, switch per tenant, test, tune with exceptions, retro-hunt. */
@RestController
@Tag(name = "Detection rules")
class RuleController {

    private final RuleService rules;
    private final RuleImports imports;
    private final RuleExceptionService exceptions;
    private final RuleTester tester;
    private final RetroHuntService hunts;

    RuleController(RuleService rules, RuleImports imports, RuleExceptionService exceptions, RuleTester tester, RetroHuntService hunts) {
        this.rules = rules;
        this.imports = imports;
        this.exceptions = exceptions;
        this.tester = tester;
        this.hunts = hunts;
    }

    record EnabledRequest(@NotNull Boolean enabled, @Size(max = 64) String tenant) {
    }

    record TestRequest(@Size(max = 3_000_000) String yaml, @Size(max = 20_000_000) String events, Boolean ignoreLogsource) {

        boolean ignoring() {
            return Boolean.TRUE.equals(ignoreLogsource);
        }
    }

    record ExceptionRequest(@Size(max = 64) String tenant, @Size(max = 200) String field, @Size(max = 1000) List<String> values,
            @Size(max = 2000) String reason, Instant expiresAt) {
    }

    record HuntRequest(UUID ruleId, @Size(max = 3_000_000) String yaml, Instant from, Instant to, Boolean ignoreLogsource) {

        boolean ignoring() {
            return Boolean.TRUE.equals(ignoreLogsource);
        }
    }

    @GetMapping("/api/v1/detection/rules")
    @Operation(summary = "Rules ordered by title; q searches title, id, author and log source")
    List<RuleView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String level, @RequestParam(required = false) Boolean enabled,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return rules.list(q, kind, level, enabled, limit, offset);
    }

    @GetMapping("/api/v1/detection/rules/{id}")
    @Operation(summary = "A rule with its text, every version and its exceptions")
    RuleDetail get(@PathVariable UUID id) {
        return rules.get(id);
    }

    @PostMapping(path = "/api/v1/detection/rules/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a Sigma file or an archive of them (zip, tar.gz) sent as the form part 'file'")
    ImportReport importUpload(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "true") boolean enable) {
        try {
            return imports.importUpload(file.getOriginalFilename(), file.getBytes(), enable);
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
        }
    }

    @PostMapping(path = "/api/v1/detection/rules/import", consumes = {"application/zip", "application/gzip", "application/x-tar",
            "application/yaml", "application/x-yaml", "text/yaml", "application/octet-stream"})
    @Operation(summary = "Import a Sigma file or an archive of them sent as the request body; filename tells the format")
    ImportReport importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "upload.zip") String filename,
            @RequestParam(defaultValue = "true") boolean enable) {
        return imports.importUpload(filename, body, enable);
    }

    @PutMapping("/api/v1/detection/rules/{id}/enabled")
    @Operation(summary = "Switch a rule on or off for every tenant, or (with tenant) for one tenant")
    RuleView enable(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
        return rules.setEnabled(id, request.tenant(), request.enabled());
    }

    @PostMapping("/api/v1/detection/rules/test")
    @Operation(summary = "Try rule text on events given as JSON lines")
    RuleTestResult test(@Valid @RequestBody TestRequest request) {
        return tester.test(request.yaml(), request.events(), request.ignoring());
    }

    @PostMapping("/api/v1/detection/rules/{id}/test")
    @Operation(summary = "Try a stored rule on events given as JSON lines")
    RuleTestResult testStored(@PathVariable UUID id, @Valid @RequestBody TestRequest request) {
        return tester.testStored(id, request.events(), request.ignoring());
    }

    @GetMapping("/api/v1/detection/rules/{id}/exceptions")
    List<RuleExceptionView> exceptionsOf(@PathVariable UUID id) {
        return rules.get(id).exceptions();
    }

    @PostMapping("/api/v1/detection/rules/{id}/exceptions")
    @Operation(summary = "Suppress the rule's matches whose event field has one of the values, with a reason and an expiry")
    RuleExceptionView addException(@PathVariable UUID id, @Valid @RequestBody ExceptionRequest request) {
        return exceptions.create(id, new RuleExceptionService.NewException(request.tenant(), request.field(), request.values(),
                request.reason(), request.expiresAt()));
    }

    @GetMapping("/api/v1/detection/exceptions")
    @Operation(summary = "Exceptions in force")
    List<RuleExceptionView> activeExceptions() {
        return exceptions.listActive();
    }

    @PostMapping("/api/v1/detection/exceptions/{id}/revoke")
    RuleExceptionView revoke(@PathVariable UUID id) {
        return exceptions.revoke(id);
    }

    @PostMapping("/api/v1/detection/retro-hunts")
    @Operation(summary = "Run a stored rule (ruleId) or rule text (yaml) over the stored events of [from, to); runs in the background")
    EventHuntView hunt(@Valid @RequestBody HuntRequest request) {
        return hunts.start(request.ruleId(), request.yaml(), request.from(), request.to(), request.ignoring());
    }

    @GetMapping("/api/v1/detection/retro-hunts")
    List<EventHuntView> huntList() {
        return hunts.list();
    }

    @GetMapping("/api/v1/detection/retro-hunts/{id}")
    EventHuntView huntGet(@PathVariable UUID id) {
        return hunts.get(id);
    }
}
