package dev.vigil.server.asset.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.asset.AssetChange;
import dev.vigil.server.asset.AssetCoverage;
import dev.vigil.server.asset.AssetCoverageService;
import dev.vigil.server.asset.AssetCsvImport;
import dev.vigil.server.asset.AssetDiscovery;
import dev.vigil.server.asset.AssetImportReport;
import dev.vigil.server.asset.AssetLinkView;
import dev.vigil.server.asset.AssetService;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.asset.DiscoveryReport;
import dev.vigil.server.asset.SoftwarePackage;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The asset inventory: CRUD, software, links, merge, CSV import, discovery from events and coverage. */
@RestController
@Tag(name = "Assets")
class AssetController {

    private final AssetService assets;
    private final AssetCsvImport csv;
    private final AssetDiscovery discovery;
    private final AssetCoverageService coverage;

    AssetController(AssetService assets, AssetCsvImport csv, AssetDiscovery discovery, AssetCoverageService coverage) {
        this.assets = assets;
        this.csv = csv;
        this.discovery = discovery;
        this.coverage = coverage;
    }

    record AssetRequest(@Size(max = 64) String tenant, @Size(max = 255) String name, @Size(max = 20) String kind,
            @Size(max = 200) String owner, @Size(max = 100) String environment, Integer criticality, Boolean internetExposed,
            @Size(max = 20) String dataSensitivity, @Size(max = 100) List<String> tags, @Size(max = 4000) String description,
            @Size(max = 100) List<String> hostnames, @Size(max = 100) List<String> addresses) {

        AssetChange change() {
            return new AssetChange(tenant, name, kind, owner, environment, criticality, internetExposed, dataSensitivity,
                    tags, description, hostnames, addresses);
        }
    }

    /** @param type a package-URL type (deb, npm, pypi, ...) or OSV ecosystem (PyPI, Debian:12), when known */
    record PackageRequest(String name, String version, String purl, String cpe, String type) {
    }

    record LinkRequest(@NotNull UUID upstream, @Size(max = 100) String relation) {
    }

    record MergeRequest(@NotNull UUID merged) {
    }

    record DiscoveryRequest(String period) {
    }

    @GetMapping("/api/v1/assets")
    @Operation(summary = "Assets of the caller's tenants; search matches names, host names and addresses")
    List<AssetView> list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String search, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return assets.list(tenant, kind, search, limit, offset);
    }

    @PostMapping("/api/v1/assets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an asset; 409 when its name, a host name or an address belongs to another asset of the tenant")
    AssetView create(@Valid @RequestBody AssetRequest request) {
        return assets.create(request.change());
    }

    @GetMapping("/api/v1/assets/{id}")
    AssetView get(@PathVariable UUID id) {
        return assets.get(id);
    }

    @PutMapping("/api/v1/assets/{id}")
    @Operation(summary = "Change an asset: fields left out keep their values; lists given replace the old ones")
    AssetView update(@PathVariable UUID id, @Valid @RequestBody AssetRequest request) {
        return assets.update(id, request.change());
    }

    @DeleteMapping("/api/v1/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an asset; 409 while it has vulnerability findings")
    void delete(@PathVariable UUID id) {
        assets.delete(id);
    }

    @GetMapping("/api/v1/assets/{id}/software")
    List<SoftwarePackage> software(@PathVariable UUID id) {
        return assets.software(id);
    }

    @PutMapping("/api/v1/assets/{id}/software")
    @Operation(summary = "Replace the software entered through the API (scanner-reported packages stay)")
    List<SoftwarePackage> replaceSoftware(@PathVariable UUID id, @RequestBody List<PackageRequest> packages) {
        if (packages == null) {
            throw ProblemException.badRequest("invalid-input", "a JSON array of packages is required");
        }
        return assets.replaceSoftware(id, packages.stream()
                .map(p -> new SoftwarePackage(p.name(), p.version(), p.purl(), p.cpe(), "api", null, p.type())).toList(), "api");
    }

    @GetMapping("/api/v1/assets/{id}/links")
    List<AssetLinkView> links(@PathVariable UUID id) {
        return assets.links(id);
    }

    @PostMapping("/api/v1/assets/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that this asset depends on the upstream one")
    AssetLinkView link(@PathVariable UUID id, @Valid @RequestBody LinkRequest request) {
        return assets.link(request.upstream(), id, request.relation());
    }

    @DeleteMapping("/api/v1/assets/{id}/links/{upstreamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable UUID id, @PathVariable UUID upstreamId) {
        assets.unlink(upstreamId, id);
    }

    @PostMapping("/api/v1/assets/{id}/merge")
    @Operation(summary = "Merge another asset (the same system under another name) into this one")
    AssetView merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return assets.merge(id, request.merged());
    }

    @PostMapping(path = "/api/v1/assets/imports", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import assets from CSV (header row; column name required); all rows or none")
    AssetImportReport importCsv(@RequestBody byte[] body) {
        return csv.importCsv(body);
    }

    @PostMapping("/api/v1/assets/discoveries")
    @Operation(summary = "Create assets for hosts named by events within the period (such as 24h or 7d; default 24h)")
    DiscoveryReport discover(@RequestBody(required = false) DiscoveryRequest request) {
        return discovery.discover(period(request == null ? null : request.period()));
    }

    @GetMapping("/api/v1/assets/coverage")
    @Operation(summary = "Blind spots: whether each asset sends logs and was scanned recently (monitored, bastion-only: unknown)")
    List<AssetCoverage> coverage(@RequestParam(required = false) String tenant,
            @RequestParam(defaultValue = "false") boolean gapsOnly, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return coverage.list(tenant, gapsOnly, limit, offset);
    }

    @GetMapping("/api/v1/assets/{id}/coverage")
    AssetCoverage coverageOf(@PathVariable UUID id) {
        return coverage.of(id);
    }

    private static Duration period(String text) {
        return text == null || text.isBlank() ? Duration.ofHours(24) : TimeExpression.duration("period", text.strip());
    }
}
