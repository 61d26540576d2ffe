package dev.vigil.vuln.report.grype;

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
 * Grype JSON ({@code grype -o json}): one finding per entry of {@code matches[]}. The same CVE matched on two paths
 * stays two findings here (each is evidence for a different location); deduplication is a later concern.
 */
public final class GrypeReader implements JsonReportReader {

    private static final String SCANNER = "Grype";

    public static boolean recognises(JsonCursor root) {
        return root.isObject() && root.has("matches");
    }

    @Override
    public List<Finding> read(JsonCursor root) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        for (JsonCursor match : root.objects("matches")) {
            JsonCursor vulnerability = match.object("vulnerability");
            if (vulnerability == null) {
                throw match.error(match.pointer() + "/vulnerability", "required member \"vulnerability\" is missing");
            }
            JsonCursor artifact = match.object("artifact");
            Finding.Builder builder = Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                    .id(vulnerability.requiredText("id"))
                    .aliases(relatedIds(match))
                    .title(vulnerability.text("id"))
                    .severity(FindingSeverity.parse(vulnerability.text("severity")))
                    .description(vulnerability.text("description"));
            if (artifact != null) {
                builder.component(Component.of(artifact.text("name"), artifact.text("version"), artifact.text("purl")));
                List<JsonCursor> locations = artifact.objects("locations");
                if (!locations.isEmpty()) {
                    builder.location(locations.get(0).text("path"));
                }
            }
            JsonCursor fix = vulnerability.object("fix");
            if (fix != null) {
                List<String> versions = fix.texts("versions");
                builder.fixedVersion(versions.isEmpty() ? null : String.join(", ", versions));
                builder.status(fix.text("state"));
            }
            for (JsonCursor cvss : vulnerability.objects("cvss")) {
                String vector = cvss.text("vector");
                if (vector != null && vector.startsWith("CVSS:")) {
                    JsonCursor metrics = cvss.object("metrics");
                    builder.cvss(vector, metrics == null ? null : metrics.number("baseScore"));
                    break;
                }
            }
            findings.add(builder.build());
        }
        String target = target(root);
        findings.replaceAll(finding -> finding.withTarget(target));
        return findings;
    }

    /** {@code source.target}: the image or directory name, or an object whose {@code userInput} names it. */
    private static String target(JsonCursor root) throws InvalidInputException {
        JsonCursor source = root.object("source");
        if (source == null) {
            return null;
        }
        JsonCursor target = source.child("target");
        if (target == null) {
            return null;
        }
        return target.isObject() ? target.text("userInput") : source.text("target");
    }

    private static List<String> relatedIds(JsonCursor match) throws InvalidInputException {
        List<String> ids = new ArrayList<>();
        for (JsonCursor related : match.objects("relatedVulnerabilities")) {
            String id = related.text("id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
