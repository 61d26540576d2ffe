package dev.vigil.server.console;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vigil.server.asset.AssetChange;
import dev.vigil.server.asset.AssetCoverage;
import dev.vigil.server.asset.AssetCoverageService;
import dev.vigil.server.asset.AssetCsvImport;
import dev.vigil.server.asset.AssetService;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.FindingService;
import dev.vigil.server.vuln.RiskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The asset inventory: list with coverage gaps, create, CSV import, and one asset with its findings and risk. */
@Controller
class AssetsPageController {

    private final AssetService assets;
    private final AssetCsvImport csv;
    private final AssetCoverageService coverage;
    private final FindingService findings;
    private final RiskService risk;

    AssetsPageController(AssetService assets, AssetCsvImport csv, AssetCoverageService coverage, FindingService findings,
            RiskService risk) {
        this.assets = assets;
        this.csv = csv;
        this.coverage = coverage;
        this.findings = findings;
        this.risk = risk;
    }

    @GetMapping("/assets")
    String list(@RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "") String tenant, Model model) {
        var list = assets.list(tenant, null, search, 500, 0);
        Map<UUID, AssetCoverage> gaps = coverage.list(tenant.isBlank() ? null : tenant, false, 500, 0).stream()
                .collect(Collectors.toMap(AssetCoverage::assetId, Function.identity(), (a, b) -> a));
        model.addAttribute("assets", list);
        model.addAttribute("coverage", gaps);
        model.addAttribute("search", search);
        model.addAttribute("tenant", tenant);
        return "assets";
    }

    @PostMapping("/assets")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String tenant,
            @RequestParam(defaultValue = "host") String kind, @RequestParam(defaultValue = "3") int criticality,
            @RequestParam(defaultValue = "false") boolean internetExposed, @RequestParam(defaultValue = "") String hostnames,
            @RequestParam(defaultValue = "") String addresses, @RequestParam(defaultValue = "") String owner,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/assets", () -> {
            var asset = assets.create(new AssetChange(tenant.isBlank() ? null : tenant, name, kind, owner, null, criticality,
                    internetExposed, null, null, null, split(hostnames), split(addresses)), "console");
            return "Asset " + asset.name() + " created.";
        });
    }

    @PostMapping("/assets/import")
    String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/assets", () -> {
            try {
                var report = csv.importCsv(file.getBytes());
                return report.rows() + " rows imported: " + report.created() + " created, " + report.updated() + " updated.";
            } catch (IOException e) {
                throw ProblemException.badRequest("invalid-upload", "cannot read the upload: " + e.getMessage());
            }
        });
    }

    @GetMapping("/assets/{id}")
    String detail(@PathVariable UUID id, Model model) {
        var asset = assets.get(id);
        model.addAttribute("asset", asset);
        model.addAttribute("software", assets.software(asset.id()));
        model.addAttribute("links", assets.links(asset.id()));
        model.addAttribute("coverage", coverage.of(asset.id()));
        model.addAttribute("findings", findings.list(new FindingService.Filter(asset.tenant(), asset.id(), null, null,
                null, null, null, null, null), 500, 0));
        model.addAttribute("risk", risk.top(asset.tenant(), 1000).stream().filter(r -> r.assetId().equals(asset.id()))
                .findFirst().orElse(null));
        return "asset";
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
