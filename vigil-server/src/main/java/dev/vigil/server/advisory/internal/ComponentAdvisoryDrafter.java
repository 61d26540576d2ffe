package dev.vigil.server.advisory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.vigil.server.vuln.FindingView;
import dev.vigil.vuln.csaf.CsafAdvisory;
import dev.vigil.vuln.csaf.Profile;

/**
 * The first draft of an advisory about a service component of the monitoring catalogue, as the provider of a cloud
 * service writes one: the product tree names the provider as vendor, the component as product and one product per
 * deployed version the advisory speaks of (the affected ones and the fixed one, each identified by a generic package
 * URL); each vulnerability found on the
 * assets the component runs on affects every affected version and is fixed in the fixed version, when one is given.
 * The packages that carry a vulnerability are named in a details note; the assets are not (they are internal).
 */
public final class ComponentAdvisoryDrafter {

    /** What the component advisory is about. */
    public record Subject(String component, String vendor, List<String> affectedVersions, String fixedVersion) {
    }

    public CsafAdvisory draft(Subject subject, List<FindingView> findings, AdvisoryDrafter.Header header) {
        Map<String, String> productIds = new LinkedHashMap<>();
        List<CsafAdvisory.ProductVersion> versions = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>(subject.affectedVersions());
        if (subject.fixedVersion() != null) {
            all.add(subject.fixedVersion());
        }
        for (String version : all) {
            String id = "CSAFPID-" + (productIds.size() + 1);
            productIds.put(version, id);
            versions.add(new CsafAdvisory.ProductVersion(id, version, purl(subject.component(), version)));
        }
        List<String> affected = subject.affectedVersions().stream().map(productIds::get).toList();
        List<String> fixed = subject.fixedVersion() == null ? List.of() : List.of(productIds.get(subject.fixedVersion()));

        Map<String, List<FindingView>> byVulnerability = new TreeMap<>();
        for (FindingView finding : findings) {
            byVulnerability.computeIfAbsent(VulnerabilityParts.identifier(finding), k -> new ArrayList<>()).add(finding);
        }
        List<CsafAdvisory.Vulnerability> vulnerabilities = new ArrayList<>();
        byVulnerability.forEach((id, group) -> vulnerabilities.add(vulnerability(id, group, subject, affected, fixed)));

        String summary = header.summary() == null || header.summary().isBlank()
                ? vulnerabilities.size() + " vulnerabilit" + (vulnerabilities.size() == 1 ? "y affects" : "ies affect")
                + " the service " + subject.component() + " (versions " + String.join(", ", subject.affectedVersions()) + ")"
                + (subject.fixedVersion() == null ? "." : "; version " + subject.fixedVersion() + " fixes "
                + (vulnerabilities.size() == 1 ? "it." : "them."))
                : header.summary();
        return new CsafAdvisory(Profile.SECURITY_ADVISORY, header.title(),
                new CsafAdvisory.Publisher("vendor", header.publisherName(), header.publisherNamespace()),
                new CsafAdvisory.Tracking(header.trackingId(), "draft", "0", header.now(), header.now(),
                        List.of(new CsafAdvisory.Revision("0", header.now(), "Draft"))),
                "en", header.tlp(),
                List.of(new CsafAdvisory.Note("summary", "Summary", summary)),
                List.of(),
                List.of(new CsafAdvisory.Product(subject.vendor(), subject.component(), versions)),
                vulnerabilities);
    }

    /**
     * A generic package URL naming the component and version ({@code pkg:generic/payments-db@2026.11.3}), so that
     * each product has an identification helper (§6.2.16) although a service has no registry.
     */
    private static String purl(String component, String version) {
        try {
            return new PackageURL("generic", null, component, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    private static CsafAdvisory.Vulnerability vulnerability(String id, List<FindingView> findings, Subject subject,
            List<String> affected, List<String> fixed) {
        List<CsafAdvisory.Note> notes = new ArrayList<>(VulnerabilityParts.notes(id, findings, subject.component()));
        List<String> carriers = findings.stream().filter(f -> !f.componentName().isBlank())
                .map(f -> f.componentName() + (f.componentVersion().isBlank() ? "" : " " + f.componentVersion()))
                .distinct().sorted().toList();
        if (!carriers.isEmpty()) {
            notes.add(new CsafAdvisory.Note("details", "Where", "The service " + subject.component() + " runs "
                    + String.join(", ", carriers) + ", which this vulnerability affects."));
        }
        List<CsafAdvisory.Remediation> remediations = new ArrayList<>();
        if (subject.fixedVersion() != null) {
            remediations.add(new CsafAdvisory.Remediation("vendor_fix", subject.vendor() + " fixed " + subject.component()
                    + " in version " + subject.fixedVersion() + "; the service runs it once deployed, so its users need"
                    + " not act.", affected, null));
        } else {
            remediations.add(new CsafAdvisory.Remediation("none_available", "No fixed version of " + subject.component()
                    + " is deployed yet.", affected, null));
        }
        return new CsafAdvisory.Vulnerability(VulnerabilityParts.cve(id), VulnerabilityParts.ids(id),
                VulnerabilityParts.title(findings), notes, new CsafAdvisory.ProductStatus(affected, fixed, List.of(), List.of()),
                VulnerabilityParts.scores(findings, affected), remediations, List.of(VulnerabilityParts.reference(id)),
                List.of(), VulnerabilityParts.threats(findings, affected));
    }
}
