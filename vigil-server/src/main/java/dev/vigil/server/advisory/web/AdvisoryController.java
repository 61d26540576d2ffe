package dev.vigil.server.advisory.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import dev.vigil.server.advisory.AdvisoryService;
import dev.vigil.server.advisory.ComponentAdvisoryRequest;
import dev.vigil.server.advisory.AdvisoryView;
import dev.vigil.server.advisory.ValidationReport;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Security advisories (CSAF 2.0): draft from findings, edit, check, publish through an approval, download. */
@RestController
@Tag(name = "Advisories")
class AdvisoryController {

    private final AdvisoryService advisories;

    AdvisoryController(AdvisoryService advisories) {
        this.advisories = advisories;
    }

    /**
     * An advisory about a product ({@code product}) or about a service component of the monitoring catalogue
     * ({@code component} with its affected {@code versions}, optional {@code fixedVersion} and {@code vulnerabilities}).
     */
    record DraftRequest(@Size(max = 200) String product, @Size(max = 300) String title, @Size(max = 10_000) String summary,
                        @Size(max = 10) String tlp, @Size(max = 100) String component, List<String> versions,
                        @Size(max = 100) String fixedVersion, List<String> vulnerabilities) {
    }

    record PublishRequest(@Size(max = 1000) String summary) {
    }

    @GetMapping("/api/v1/advisories")
    List<AdvisoryView> list() {
        return advisories.list();
    }

    @PostMapping("/api/v1/advisories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft an advisory about a product (the component name of findings) from its findings, or about"
            + " a service component of the monitoring catalogue (component, versions, fixedVersion) from the open findings"
            + " of the assets it runs on")
    AdvisoryView draft(@RequestBody DraftRequest request) {
        boolean product = request.product() != null && !request.product().isBlank();
        boolean component = request.component() != null && !request.component().isBlank();
        if (product == component) {
            throw ProblemException.badRequest("invalid-input", "name either a product or a service component");
        }
        if (component) {
            return advisories.draftForComponent(new ComponentAdvisoryRequest(request.component(), request.versions(),
                    request.fixedVersion(), request.vulnerabilities(), request.title(), request.summary(), request.tlp()));
        }
        return advisories.draft(request.product(), request.title(), request.summary(), request.tlp());
    }

    @GetMapping("/api/v1/advisories/{id}")
    AdvisoryView get(@PathVariable UUID id) {
        return advisories.get(id);
    }

    @PutMapping(path = "/api/v1/advisories/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the draft with an edited CSAF document; /document/tracking stays the publisher's")
    AdvisoryView saveDraft(@PathVariable UUID id, @RequestBody JsonNode document,
            @RequestParam(required = false) Integer version) {
        return advisories.saveDraft(id, document, version);
    }

    @PostMapping("/api/v1/advisories/{id}/validation")
    @Operation(summary = "Run the CSAF 2.0 mandatory tests over the document the next release would publish")
    ValidationReport validate(@PathVariable UUID id) {
        return advisories.validate(id);
    }

    @PostMapping("/api/v1/advisories/{id}/publication")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for the next release: 422 with the failed tests and paths, else a change request to approve")
    ChangeView publish(@PathVariable UUID id, @RequestBody(required = false) PublishRequest request) {
        return advisories.requestPublication(id, request == null ? null : request.summary());
    }

    @GetMapping("/api/v1/advisories/{id}/releases/{version}")
    @Operation(summary = "Download a release as published (CSAF JSON)")
    ResponseEntity<String> release(@PathVariable UUID id, @PathVariable int version) {
        AdvisoryView advisory = advisories.get(id);
        String document = advisories.releaseDocument(id, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(advisory.trackingId().toLowerCase(java.util.Locale.ROOT) + "-v" + version + ".json").build().toString())
                .body(document);
    }
}
