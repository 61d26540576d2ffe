package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;

/**
 * Reads a CVE record (CVE Record Format 5.x): the CNA container and every ADP container contribute their
 * {@code affected[]} entries (ADP entries often repeat the CNA's with CPEs added; each is kept, matching decides per
 * entry) and their CVSS metrics. A REJECTED record is not an advisory: {@link #read} returns empty for it.
 */
public final class CveRecordReader {

    private static final Set<String> STATUSES = Set.of("affected", "unaffected", "unknown");
    private static final List<String> METRICS = List.of("cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0");

    private CveRecordReader() {
    }

    public static boolean recognises(JsonCursor root) {
        return root.isObject() && root.has("cveMetadata");
    }

    /** The advisory, or empty when the record is REJECTED. */
    public static Optional<Advisory> read(JsonCursor root) throws InvalidInputException {
        root.requireObject();
        JsonCursor metadata = root.object("cveMetadata");
        String id = metadata.requiredText("cveId");
        String state = metadata.requiredText("state");
        if (state.equalsIgnoreCase("REJECTED")) {
            return Optional.empty();
        }
        if (!state.equalsIgnoreCase("PUBLISHED")) {
            throw root.error(metadata.pointer("state"), "unknown record state \"" + state + "\" (PUBLISHED or REJECTED)");
        }
        JsonCursor containers = root.object("containers");
        if (containers == null) {
            throw root.error(root.pointer("containers"), "a published CVE record needs its containers");
        }
        JsonCursor cna = containers.object("cna");
        if (cna == null) {
            throw root.error(containers.pointer("cna"), "a published CVE record needs a CNA container");
        }
        List<JsonCursor> all = new ArrayList<>();
        all.add(cna);
        all.addAll(containers.objects("adp"));
        List<AffectedPackage> affected = new ArrayList<>();
        List<AdvisorySeverity> severities = new ArrayList<>();
        for (JsonCursor container : all) {
            for (JsonCursor entry : container.objects("affected")) {
                affected.add(affected(entry));
            }
            for (JsonCursor metric : container.objects("metrics")) {
                for (String type : METRICS) {
                    JsonCursor cvss = metric.object(type);
                    if (cvss != null && cvss.text("vectorString") != null) {
                        severities.add(new AdvisorySeverity(type, cvss.text("vectorString").strip(), cvss.number("baseScore")));
                    }
                }
            }
        }
        return Optional.of(new Advisory(id, AdvisoryFormat.CVE_JSON5, root.source(), summary(cna), List.of(),
                RecordDates.parse(metadata.text("datePublished")), RecordDates.parse(metadata.text("dateUpdated")), null,
                severities, affected, root.json()));
    }

    private static String summary(JsonCursor cna) throws InvalidInputException {
        String title = cna.text("title");
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String first = null;
        for (JsonCursor description : cna.objects("descriptions")) {
            String lang = description.text("lang");
            String value = description.text("value");
            if (value != null && lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")) {
                return value.strip();
            }
            first = first == null ? value : first;
        }
        return first == null ? "" : first.strip();
    }

    private static AffectedPackage affected(JsonCursor entry) throws InvalidInputException {
        String vendor = blankToNull(entry.text("vendor"));
        String product = blankToNull(entry.text("product"));
        String packageName = blankToNull(entry.text("packageName"));
        String purl = blankToNull(entry.text("packageURL"));
        String collection = blankToNull(entry.text("collectionURL"));
        List<String> cpes = entry.texts("cpes");
        if (product == null && packageName == null && purl == null && cpes.isEmpty()) {
            throw entry.error(entry.pointer(), "an affected entry needs a product, packageName, packageURL or cpes");
        }
        String defaultStatus = entry.text("defaultStatus");
        if (defaultStatus != null && !STATUSES.contains(defaultStatus)) {
            throw entry.error(entry.pointer("defaultStatus"), "unknown status \"" + defaultStatus + "\"");
        }
        String ecosystem = purl != null ? PackageKey.ecosystemOfPurl(purl).orElse(null)
                : Ecosystems.ofCollectionUrl(collection).orElse(null);
        List<VersionStatement> statements = new ArrayList<>();
        for (JsonCursor version : entry.objects("versions")) {
            statements.add(statement(version));
        }
        return new AffectedPackage(ecosystem, packageName, purl, vendor, product, cpes, List.of(), List.of(), statements,
                defaultStatus, entry.pointer());
    }

    private static VersionStatement statement(JsonCursor version) throws InvalidInputException {
        String value = version.requiredText("version");
        String status = version.requiredText("status");
        if (!STATUSES.contains(status)) {
            throw version.error(version.pointer("status"), "unknown status \"" + status + "\" (affected, unaffected, unknown)");
        }
        String lessThan = blankToNull(version.text("lessThan"));
        String lessThanOrEqual = blankToNull(version.text("lessThanOrEqual"));
        if (lessThan != null && lessThanOrEqual != null) {
            throw version.error(version.pointer(), "a version range has lessThan or lessThanOrEqual, not both");
        }
        List<VersionStatement.Change> changes = new ArrayList<>();
        for (JsonCursor change : version.objects("changes")) {
            String changeStatus = change.requiredText("status");
            if (!STATUSES.contains(changeStatus)) {
                throw change.error(change.pointer("status"), "unknown status \"" + changeStatus + "\"");
            }
            changes.add(new VersionStatement.Change(change.requiredText("at"), changeStatus));
        }
        if (!changes.isEmpty() && lessThan == null && lessThanOrEqual == null) {
            throw version.error(version.pointer("changes"), "changes belong to a version range (lessThan or lessThanOrEqual)");
        }
        return new VersionStatement(value.strip(), lessThan, lessThanOrEqual, status, version.text("versionType"), changes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
