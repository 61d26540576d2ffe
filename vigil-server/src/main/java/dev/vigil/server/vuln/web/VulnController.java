package dev.vigil.server.vuln.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.CatalogService;
import dev.vigil.server.vuln.CatalogStatus;
import dev.vigil.server.vuln.FindingHistoryEntry;
import dev.vigil.server.vuln.FindingService;
import dev.vigil.server.vuln.FindingSlaService;
import dev.vigil.server.vuln.FindingView;
import dev.vigil.server.vuln.VulnImportReport;
import dev.vigil.server.vuln.VulnImportService;
import dev.vigil.server.vuln.VulnImportView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Scanner report imports, findings and their lifecycle, SLA summary, and the KEV/EPSS catalogs. */
@RestController
@Tag(name = "Vulnerabilities")
class VulnController {


    private final VulnImportService imports;
    private final FindingService findings;
    private final FindingSlaService sla;
    private final CatalogService catalogs;

    VulnController(VulnImportService imports, FindingService findings, FindingSlaService sla, CatalogService catalogs) {
        this.imports = imports;
        this.findings = findings;
        this.sla = sla;
        this.catalogs = catalogs;
    }

    record TransitionRequest(@Size(max = 20) String status, @Size(max = 2000) String reason, Integer version) {
    }

    @PostMapping(path = "/api/v1/vuln/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a scanner report sent as the form part 'file' (Trivy, Grype, SARIF, Greenbone, Nessus, CycloneDX)")
    VulnImportReport importUpload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String asset, @RequestParam(required = false) String scope) {
        return imports.importReport(file.getOriginalFilename(), bytes(file), tenant, asset, scope);
    }

    @PostMapping(path = "/api/v1/vuln/imports", consumes = {"application/json", "application/xml", "text/xml", "text/csv",
            "text/plain", "application/octet-stream"})
    @Operation(summary = "Import a scanner report sent as the request body; the format is detected from the content. "
            + "asset names the scanned system when the report does not; scope narrows what a reimport may close")
    VulnImportReport importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "upload") String filename,
            @RequestParam(required = false) String tenant, @RequestParam(required = false) String asset,
            @RequestParam(required = false) String scope) {
        return imports.importReport(filename, body, tenant, asset, scope);
    }

    @GetMapping("/api/v1/vuln/imports")
    List<VulnImportView> importList(@RequestParam(required = false) String tenant,
            @RequestParam(defaultValue = "100") int limit) {
        return imports.list(tenant, limit);
    }

    @GetMapping("/api/v1/vuln/findings")
    @Operation(summary = "Findings, most urgent first (SSVC decision, EPSS, CVSS); status=open for every open status")
    List<FindingView> list(@RequestParam(required = false) String tenant, @RequestParam(required = false) UUID asset,
            @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String sla, @RequestParam(required = false) String scanner,
            @RequestParam(required = false) String vulnerability, @RequestParam(required = false) Boolean kev,
            @RequestParam(required = false) String decision, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return findings.list(new FindingService.Filter(tenant, asset, status, priority, sla, scanner, vulnerability, kev,
                decision), limit, offset);
    }

    @GetMapping("/api/v1/vuln/findings/sla")
    @Operation(summary = "Open findings by SLA state (breached, due-soon, on-track) and priority")
    Map<String, Map<String, Long>> slaSummary(@RequestParam(required = false) String tenant) {
        return sla.summary(tenant);
    }

    @GetMapping("/api/v1/vuln/findings/{id}")
    FindingView get(@PathVariable UUID id) {
        return findings.get(id);
    }

    @GetMapping("/api/v1/vuln/findings/{id}/history")
    List<FindingHistoryEntry> history(@PathVariable UUID id) {
        return findings.history(id);
    }

    @PostMapping("/api/v1/vuln/findings/{id}/transitions")
    @Operation(summary = "Move a finding: triaged, in_remediation, fixed, verified, closed, false_positive (reason required), "
            + "reopened; version makes the step conditional")
    FindingView transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return findings.transition(id, request.status(), request.reason(), request.version());
    }

    @GetMapping("/api/v1/vuln/catalogs")
    List<CatalogStatus> catalogs() {
        return catalogs.list();
    }

    @PostMapping(path = "/api/v1/vuln/catalogs/kev", consumes = {"application/json", "text/csv", "text/plain",
            "application/octet-stream"})
    @Operation(summary = "Replace the CISA KEV catalog (JSON or CSV) and rescore findings")
    CatalogStatus importKev(@RequestBody byte[] body, @RequestParam(defaultValue = "kev") String filename) {
        return catalogs.importKev(filename, body);
    }

    @PostMapping(path = "/api/v1/vuln/catalogs/epss", consumes = {"application/json", "text/csv", "text/plain",
            "application/gzip", "application/octet-stream"})
    @Operation(summary = "Replace the FIRST EPSS scores (daily CSV, gzip or API JSON) and rescore findings")
    CatalogStatus importEpss(@RequestBody byte[] body, @RequestParam(defaultValue = "epss") String filename) {
        return catalogs.importEpss(filename, body);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
        }
    }
}
