package dev.vigil.server.console;

import java.io.IOException;
import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.AdvisoryDatabase;
import dev.vigil.server.vuln.FindingService;
import dev.vigil.server.vuln.VulnImportService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Findings with their lifecycle actions, the scanner report upload, and the advisory database. */
@Controller
class VulnsPageController {

    private final FindingService findings;
    private final VulnImportService imports;
    private final AdvisoryDatabase advisories;

    VulnsPageController(FindingService findings, VulnImportService imports, AdvisoryDatabase advisories) {
        this.findings = findings;
        this.imports = imports;
        this.advisories = advisories;
    }

    @GetMapping("/vulns")
    String list(@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String sla, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String tenant, Model model) {
        model.addAttribute("findings", findings.list(new FindingService.Filter(tenant, null,
                status.equals("all") ? null : status, priority, sla, null, null, null, decision), 500, 0));
        model.addAttribute("imports", imports.list(tenant, 10));
        model.addAttribute("status", status);
        model.addAttribute("priority", priority);
        model.addAttribute("sla", sla);
        model.addAttribute("decision", decision);
        model.addAttribute("tenant", tenant);
        return "vulns";
    }

    @PostMapping("/vulns/import")
    String importReport(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String tenant,
            @RequestParam(defaultValue = "") String asset, RedirectAttributes redirect) {
        return Flash.run(redirect, "/vulns", () -> {
            try {
                var report = imports.importReport(file.getOriginalFilename(), file.getBytes(), tenant, asset, null);
                return report.file() + " (" + report.format() + "): " + report.findings() + " findings, " + report.created()
                        + " new, " + report.updated() + " updated, " + report.reopened() + " reopened, " + report.closed()
                        + " closed.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @GetMapping("/vulns/advisories")
    String advisories(@RequestParam(defaultValue = "") String search, Model model) {
        model.addAttribute("advisories", advisories.list(search, 500, 0));
        model.addAttribute("total", advisories.count());
        model.addAttribute("search", search);
        return "vuln-advisories";
    }

    @PostMapping("/vulns/advisories/import")
    String importAdvisories(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/vulns/advisories", () -> {
            try {
                var report = advisories.importAdvisories(file.getOriginalFilename(), file.getBytes());
                int affected = report.matching().stream().mapToInt(m -> m.affected()).sum();
                int created = report.matching().stream().mapToInt(m -> m.created()).sum();
                int closed = report.matching().stream().mapToInt(m -> m.closed()).sum();
                return report.file() + ": " + report.stored() + " advisories stored, " + report.rejected()
                        + " rejected CVE records skipped, " + report.invalidCount() + " broken records"
                        + (report.invalid().isEmpty() ? "" : " (" + report.invalid().get(0) + ")") + "; matching found "
                        + affected + " affected packages, " + created + " new findings, " + closed + " closed.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @PostMapping("/vulns/{id}/transition")
    String transition(@PathVariable UUID id, @RequestParam String status, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "/vulns") String back, RedirectAttributes redirect) {
        String target = back.startsWith("/vulns") || back.startsWith("/assets/") ? back : "/vulns";
        return Flash.run(redirect, target, () -> {
            var finding = findings.transition(id, status, reason, null);
            return finding.vulnerabilityId() + " on " + finding.assetName() + " is now " + finding.status() + ".";
        });
    }
}
