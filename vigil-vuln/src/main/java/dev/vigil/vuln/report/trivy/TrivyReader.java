package dev.vigil.vuln.report.trivy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.vuln.report.Component;
import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.report.JsonReportReader;

/**
 * Trivy JSON ({@code trivy image|fs|config -f json}): schema 2 ({@code Results[]}), the legacy bare list of results,
 * and Kubernetes reports ({@code ClusterName} with per-resource {@code Results} under {@code Vulnerabilities},
 * {@code Misconfigurations} or {@code Resources}). Every entry of {@code Vulnerabilities}, {@code Misconfigurations},
 * {@code Secrets} and {@code Licenses} of every result is one finding.
 */
public final class TrivyReader implements JsonReportReader {

    private static final String SCANNER = "Trivy";

    /** Whether the tree looks like a Trivy report. */
    public static boolean recognises(JsonCursor root) throws InvalidInputException {
        if (root.isArray()) {
            List<JsonCursor> elements = root.elements();
            return !elements.isEmpty() && elements.get(0).isObject() && elements.get(0).has("Target");
        }
        return root.has("SchemaVersion") || root.has("ArtifactName") || root.has("ClusterName") || root.has("Results");
    }

    @Override
    public List<Finding> read(JsonCursor root) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        if (root.isArray()) {
            for (JsonCursor result : root.elements()) {
                readResult(result.requireObject(), null, findings);
            }
            return findings;
        }
        String artifact = firstNonNull(root.text("ArtifactName"), root.text("ClusterName"));
        for (JsonCursor result : root.objects("Results")) {
            readResult(result, null, findings);
        }
        // Kubernetes reports group results per resource
        for (String group : List.of("Resources", "Vulnerabilities", "Misconfigurations")) {
            if (!root.has("ClusterName") && !group.equals("Resources")) {
                continue;
            }
            for (JsonCursor resource : root.objects(group)) {
                String name = resourceName(resource);
                for (JsonCursor result : resource.objects("Results")) {
                    readResult(result, name, findings);
                }
            }
        }
        findings.replaceAll(finding -> finding.withTarget(artifact));
        return findings;
    }

    private static String resourceName(JsonCursor resource) throws InvalidInputException {
        String namespace = resource.text("Namespace");
        String kind = resource.text("Kind");
        String name = resource.text("Name");
        StringBuilder sb = new StringBuilder();
        if (namespace != null) {
            sb.append(namespace).append('/');
        }
        if (kind != null) {
            sb.append(kind).append('/');
        }
        if (name != null) {
            sb.append(name);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static void readResult(JsonCursor result, String resource, List<Finding> findings)
            throws InvalidInputException {
        String target = result.text("Target");
        String location = resource == null ? target : target == null ? resource : resource + " " + target;
        for (JsonCursor vulnerability : result.objects("Vulnerabilities")) {
            findings.add(vulnerability(vulnerability, location));
        }
        for (JsonCursor misconfiguration : result.objects("Misconfigurations")) {
            findings.add(Finding.builder(SCANNER, FindingKind.WEAKNESS)
                    .id(firstNonNull(misconfiguration.text("AVDID"), misconfiguration.requiredText("ID")))
                    .title(misconfiguration.text("Title"))
                    .severity(FindingSeverity.parse(misconfiguration.text("Severity")))
                    .location(location)
                    .status(misconfiguration.text("Status"))
                    .remediation(misconfiguration.text("Resolution"))
                    .description(firstNonNull(misconfiguration.text("Message"), misconfiguration.text("Description")))
                    .build());
        }
        for (JsonCursor secret : result.objects("Secrets")) {
            String line = secret.text("StartLine");
            findings.add(Finding.builder(SCANNER, FindingKind.SECRET)
                    .id(secret.requiredText("RuleID"))
                    .title(secret.text("Title"))
                    .severity(FindingSeverity.parse(secret.text("Severity")))
                    .location(line == null ? location : location + ":" + line)
                    .description(secret.text("Match"))
                    .build());
        }
        for (JsonCursor license : result.objects("Licenses")) {
            String path = license.text("FilePath");
            findings.add(Finding.builder(SCANNER, FindingKind.LICENSE)
                    .id(license.requiredText("Name"))
                    .title("License " + license.text("Name") + " (" + license.text("Category") + ")")
                    .severity(FindingSeverity.parse(license.text("Severity")))
                    .component(Component.of(license.text("PkgName"), null, null))
                    .location(path == null || path.isEmpty() ? location : path)
                    .status(license.text("Category"))
                    .build());
        }
    }

    private static Finding vulnerability(JsonCursor v, String location) throws InvalidInputException {
        JsonCursor identifier = v.object("PkgIdentifier");
        String purl = identifier == null ? null : identifier.text("PURL");
        Finding.Builder builder = Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                .id(v.requiredText("VulnerabilityID"))
                .aliases(v.texts("VendorIDs"))
                .title(firstNonNull(v.text("Title"), v.text("VulnerabilityID")))
                .severity(FindingSeverity.parse(v.text("Severity")))
                .component(Component.of(v.text("PkgName"), v.text("InstalledVersion"), purl))
                .location(firstNonNull(v.text("PkgPath"), location))
                .fixedVersion(v.text("FixedVersion"))
                .status(v.text("Status"))
                .description(v.text("Description"));
        JsonCursor cvss = v.object("CVSS");
        if (cvss != null) {
            applyCvss(builder, cvss, v.text("SeveritySource"));
        }
        return builder.build();
    }

    /** Prefers the severity source's CVSS block, then NVD, then any; v4.0 over v3. */
    private static void applyCvss(Finding.Builder builder, JsonCursor cvss, String severitySource)
            throws InvalidInputException {
        List<String> sources = new ArrayList<>();
        if (severitySource != null) {
            sources.add(severitySource);
        }
        sources.add("nvd");
        for (String source : sources) {
            JsonCursor block = cvss.object(source);
            if (block != null && applyBlock(builder, block)) {
                return;
            }
        }
    }

    private static boolean applyBlock(Finding.Builder builder, JsonCursor block) throws InvalidInputException {
        String v4 = block.text("V40Vector");
        if (v4 != null) {
            builder.cvss(v4, block.number("V40Score"));
            return true;
        }
        String v3 = block.text("V3Vector");
        if (v3 != null) {
            BigDecimal score = block.number("V3Score");
            builder.cvss(v3, score);
            return true;
        }
        return false;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
