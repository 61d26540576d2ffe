package dev.vigil.server.vuln.web;

import java.io.IOException;
import java.util.List;

import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.AdvisoryImportReport;
import dev.vigil.server.vuln.AdvisoryDatabase;
import dev.vigil.server.vuln.AdvisoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The advisory database (OSV, CVE JSON 5) that software inventories are matched against. */
@RestController
@Tag(name = "Vulnerabilities")
class AdvisoryDatabaseController {

    private final AdvisoryDatabase advisories;

    AdvisoryDatabaseController(AdvisoryDatabase advisories) {
        this.advisories = advisories;
    }

    @PostMapping(path = "/api/v1/vuln/advisories", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import OSV or CVE JSON 5 records (one record, a JSON array or a zip) sent as the form part 'file', "
            + "then match every tenant's software inventory")
    AdvisoryImportReport importUpload(@RequestPart("file") MultipartFile file) {
        try {
            return advisories.importAdvisories(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
        }
    }

    @PostMapping(path = "/api/v1/vuln/advisories", consumes = {"application/json", "application/zip",
            "application/octet-stream"})
    @Operation(summary = "Import OSV or CVE JSON 5 records sent as the request body, then match every tenant's software inventory")
    AdvisoryImportReport importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "advisories") String filename) {
        return advisories.importAdvisories(filename, body);
    }

    @GetMapping("/api/v1/vuln/advisories")
    @Operation(summary = "Advisories of the database, newest upload first; search matches id, alias or summary")
    List<AdvisoryView> list(@RequestParam(required = false) String search, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return advisories.list(search, limit, offset);
    }
}
