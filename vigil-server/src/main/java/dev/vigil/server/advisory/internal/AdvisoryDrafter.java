package dev.vigil.server.advisory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.vigil.server.vuln.FindingView;
import dev.vigil.vuln.csaf.CsafAdvisory;
import dev.vigil.vuln.csaf.Profile;

/**
 * Turns the findings of one product into the first draft of its advisory: one product version per affected or fixed
 * version seen, one vulnerability per CVE (or other id) with the affected and fixed versions, the CVSS v3 score, the
 * fix, the description and references. CVSS v4.0 vectors have no place in CSAF 2.0 and are named in a note instead.
 */
public final class AdvisoryDrafter {

    /** Fixed versions given as ranges or words cannot be product versions (CSAF §6.1.31). */
    private static final Pattern NOT_A_VERSION = Pattern.compile("[<>=\\s]|\\b(after|all|before|earlier|later|prior|versions)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Who publishes and under which id. */
    public record Header(String trackingId, String publisherName, String publisherNamespace, String tlp, String title,
                         String summary, Instant now) {
    }

    /** True when the text is one version, not a range or words such as "all versions" (CSAF §6.1.31). */
    public static boolean isSingleVersion(String version) {
        return !NOT_A_VERSION.matcher(version).find();
    }

    public CsafAdvisory draft(String product, List<FindingView> findings, Header header) {
        Map<String, String> purls = new TreeMap<>();
        Set<String> versions = new TreeSet<>();
        for (FindingView finding : findings) {
            if (!finding.componentVersion().isBlank()) {
                versions.add(finding.componentVersion());
                purls.putIfAbsent(finding.componentVersion(), finding.purl());
            }
            versions.addAll(fixedVersions(finding));
        }
        Map<String, String> productIds = new LinkedHashMap<>();
        List<CsafAdvisory.ProductVersion> productVersions = new ArrayList<>();
        String vendor = "Unknown vendor";
        PackageURL sample = samplePurl(findings);
        if (sample != null) {
            vendor = sample.getNamespace() != null ? sample.getNamespace() : sample.getType();
        }
        for (String version : versions) {
            String id = "CSAFPID-" + (productIds.size() + 1);
            productIds.put(version, id);
            productVersions.add(new CsafAdvisory.ProductVersion(id, version, purlOf(version, purls.get(version), sample)));
        }
        Map<String, List<FindingView>> byVulnerability = new TreeMap<>();
        for (FindingView finding : findings) {
            byVulnerability.computeIfAbsent(VulnerabilityParts.identifier(finding), k -> new ArrayList<>()).add(finding);
        }
        List<CsafAdvisory.Vulnerability> vulnerabilities = new ArrayList<>();
        byVulnerability.forEach((id, group) -> vulnerabilities.add(vulnerability(id, group, productIds, product)));

        String summary = header.summary() == null || header.summary().isBlank()
                ? vulnerabilities.size() + " vulnerabilit" + (vulnerabilities.size() == 1 ? "y affects " : "ies affect ")
                + product + " (versions " + String.join(", ", affectedVersions(findings)) + ")."
                : header.summary();
        Instant now = header.now();
        return new CsafAdvisory(Profile.SECURITY_ADVISORY, header.title(),
                new CsafAdvisory.Publisher("coordinator", header.publisherName(), header.publisherNamespace()),
                new CsafAdvisory.Tracking(header.trackingId(), "draft", "0", now, now,
                        List.of(new CsafAdvisory.Revision("0", now, "Draft"))),
                "en", header.tlp(),
                List.of(new CsafAdvisory.Note("summary", "Summary", summary)),
                List.of(),
                List.of(new CsafAdvisory.Product(vendor, product, productVersions)),
                vulnerabilities);
    }

    private static CsafAdvisory.Vulnerability vulnerability(String id, List<FindingView> findings,
            Map<String, String> productIds, String product) {
        Set<String> fixedVersions = new TreeSet<>();
        findings.forEach(f -> fixedVersions.addAll(fixedVersions(f)));
        List<String> fixed = fixedVersions.stream().map(productIds::get).toList();
        List<String> affected = findings.stream().map(FindingView::componentVersion).filter(v -> !v.isBlank())
                .filter(v -> !fixedVersions.contains(v)).distinct().sorted().map(productIds::get).toList();

        List<CsafAdvisory.Remediation> remediations = new ArrayList<>();
        if (!affected.isEmpty()) {
            String advice = findings.stream().map(FindingView::remediation).filter(r -> !r.isBlank()).findFirst().orElse("");
            if (!fixedVersions.isEmpty()) {
                remediations.add(new CsafAdvisory.Remediation("vendor_fix", "Update " + product + " to version "
                        + String.join(" or ", fixedVersions) + " or later." + (advice.isEmpty() ? "" : " " + advice), affected, null));
            } else if (!advice.isEmpty()) {
                remediations.add(new CsafAdvisory.Remediation("mitigation", advice, affected, null));
            } else {
                remediations.add(new CsafAdvisory.Remediation("none_available", "No fixed version is known yet.", affected, null));
            }
        }
        return new CsafAdvisory.Vulnerability(VulnerabilityParts.cve(id), VulnerabilityParts.ids(id),
                VulnerabilityParts.title(findings), VulnerabilityParts.notes(id, findings, product),
                new CsafAdvisory.ProductStatus(affected, fixed, List.of(), List.of()),
                VulnerabilityParts.scores(findings, affected), remediations, List.of(VulnerabilityParts.reference(id)),
                List.of(), VulnerabilityParts.threats(findings, affected));
    }

    private static List<String> fixedVersions(FindingView finding) {
        List<String> versions = new ArrayList<>();
        for (String part : finding.fixedVersion().split(",")) {
            String version = part.strip();
            if (!version.isEmpty() && !NOT_A_VERSION.matcher(version).find()) {
                versions.add(version);
            }
        }
        return versions;
    }

    private static List<String> affectedVersions(List<FindingView> findings) {
        return findings.stream().map(FindingView::componentVersion).filter(v -> !v.isBlank()).distinct().sorted()
                .collect(Collectors.toList());
    }

    private static PackageURL samplePurl(List<FindingView> findings) {
        for (FindingView finding : findings) {
            if (finding.purl() != null && !finding.purl().isBlank()) {
                try {
                    return new PackageURL(finding.purl());
                } catch (MalformedPackageURLException e) {
                    // a scanner's malformed purl is left out of the advisory
                }
            }
        }
        return null;
    }

    /** The purl a finding gave for this version, else the product's purl with this version. */
    private static String purlOf(String version, String seen, PackageURL sample) {
        try {
            if (seen != null && !seen.isBlank()) {
                return new PackageURL(seen).canonicalize();
            }
            return sample == null ? null : new PackageURL(sample.getType(), sample.getNamespace(), sample.getName(), version,
                    sample.getQualifiers() == null ? null : new TreeMap<>(sample.getQualifiers()), sample.getSubpath()).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
