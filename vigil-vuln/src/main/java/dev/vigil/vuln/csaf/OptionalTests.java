package dev.vigil.vuln.csaf;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/**
 * Optional tests of CSAF 2.0 §6.2 (a failure is a warning, not a refusal): 6.2.4-6.2.10, 6.2.12-6.2.17.
 */
final class OptionalTests {

    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");

    private OptionalTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.2.4", "Build Metadata in Revision History", OptionalTests::buildMetadata),
                new ConformanceTest("6.2.5", "Older Initial Release Date than Revision History",
                        (doc, report) -> releaseDate(doc, "initial_release_date", true, report)),
                new ConformanceTest("6.2.6", "Older Current Release Date than Revision History",
                        (doc, report) -> releaseDate(doc, "current_release_date", false, report)),
                new ConformanceTest("6.2.7", "Missing Date in Involvements", OptionalTests::involvementDate),
                new ConformanceTest("6.2.8", "Use of MD5 as the only Hash Algorithm", (doc, report) -> onlyHash(doc, "md5", report)),
                new ConformanceTest("6.2.9", "Use of SHA-1 as the only Hash Algorithm", (doc, report) -> onlyHash(doc, "sha1", report)),
                new ConformanceTest("6.2.10", "Missing TLP label", OptionalTests::tlpLabel),
                new ConformanceTest("6.2.12", "Missing Document Language", OptionalTests::documentLanguage),
                new ConformanceTest("6.2.13", "Sorting", (doc, report) -> sorted(doc.root(), "", report)),
                new ConformanceTest("6.2.14", "Use of Private Language", (doc, report) -> languages(doc, report, false)),
                new ConformanceTest("6.2.15", "Use of Default Language", (doc, report) -> languages(doc, report, true)),
                new ConformanceTest("6.2.16", "Missing Product Identification Helper", OptionalTests::identificationHelper),
                new ConformanceTest("6.2.17", "CVE in field IDs", OptionalTests::cveInIds));
    }

    private static void buildMetadata(CsafDocumentView doc, Report report) {
        each(doc.document().path("tracking").path("revision_history"), "/document/tracking/revision_history", (item, path) -> {
            String number = text(item.path("number"));
            if (number != null && number.contains("+")) {
                report.fail(path + "/number", "revision " + number + " carries build metadata");
            }
        });
    }

    private static void releaseDate(CsafDocumentView doc, String field, boolean initial, Report report) {
        JsonNode tracking = doc.document().path("tracking");
        OffsetDateTime date = date(text(tracking.path(field)));
        List<OffsetDateTime> revisions = new ArrayList<>();
        tracking.path("revision_history").values().forEach(item -> {
            OffsetDateTime d = date(text(item.path("date")));
            if (d != null) {
                revisions.add(d);
            }
        });
        if (date == null || revisions.isEmpty()) {
            return;
        }
        OffsetDateTime bound = revisions.stream().reduce(initial ? (a, b) -> a.isBefore(b) ? a : b : (a, b) -> a.isAfter(b) ? a : b)
                .orElseThrow();
        if (date.isBefore(bound)) {
            report.fail("/document/tracking/" + field, "is older than the " + (initial ? "oldest" : "newest")
                    + " revision history date " + bound);
        }
    }

    private static void involvementDate(CsafDocumentView doc, Report report) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) ->
                each(vulnerability.path("involvements"), path + "/involvements", (involvement, p) -> {
                    if (!involvement.has("date")) {
                        report.fail(p, "has no date");
                    }
                }));
    }

    private static void onlyHash(CsafDocumentView doc, String algorithm, Report report) {
        for (ProductTreeIndex.Located product : doc.productTree().fullProductNames()) {
            String path = product.path() + "/product_identification_helper/hashes";
            each(product.node().path("product_identification_helper").path("hashes"), path, (file, filePath) -> {
                List<String> algorithms = new ArrayList<>();
                file.path("file_hashes").values().forEach(h -> algorithms.add(String.valueOf(text(h.path("algorithm")))));
                if (!algorithms.isEmpty() && algorithms.stream().allMatch(algorithm::equalsIgnoreCase)) {
                    report.fail(filePath + "/file_hashes", algorithm + " is the only hash algorithm");
                }
            });
        }
    }

    private static void tlpLabel(CsafDocumentView doc, Report report) {
        if (text(doc.document().path("distribution").path("tlp").path("label")) == null) {
            report.fail("/document/distribution/tlp/label", "is missing");
        }
    }

    private static void documentLanguage(CsafDocumentView doc, Report report) {
        if (text(doc.document().path("lang")) == null) {
            report.fail("/document/lang", "is missing");
        }
    }

    private static void sorted(JsonNode node, String path, Report report) {
        if (node.isObject()) {
            String previous = null;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (previous != null && previous.compareTo(member.getKey()) > 0) {
                    report.fail(path + "/" + member.getKey(), "key '" + member.getKey() + "' comes after '" + previous
                            + "' though it sorts before it");
                }
                previous = member.getKey();
                sorted(member.getValue(), path + "/" + member.getKey(), report);
            }
        } else if (node.isArray()) {
            each(node, path, (element, p) -> sorted(element, p, report));
        }
    }

    private static void languages(CsafDocumentView doc, Report report, boolean defaultLanguage) {
        for (String field : List.of("lang", "source_lang")) {
            String tag = text(doc.document().path(field));
            if (tag == null) {
                continue;
            }
            if (defaultLanguage && tag.equalsIgnoreCase("i-default")) {
                report.fail("/document/" + field, "uses the default language tag i-default");
            } else if (!defaultLanguage && isPrivateUse(tag)) {
                report.fail("/document/" + field, "'" + tag + "' contains a subtag reserved for private use");
            }
        }
    }

    /** BCP 47 private use: the x singleton, languages qaa-qtz, scripts Qaaa-Qabx, regions AA, QM-QZ, XA-XZ, ZZ. */
    static boolean isPrivateUse(String tag) {
        String[] subtags = tag.toLowerCase(Locale.ROOT).split("-");
        if (subtags[0].equals("x") || subtags[0].length() == 3 && subtags[0].compareTo("qaa") >= 0 && subtags[0].compareTo("qtz") <= 0) {
            return true;
        }
        for (int i = 1; i < subtags.length; i++) {
            String subtag = subtags[i];
            if (subtag.length() == 1) {
                return subtag.equals("x");
            }
            if (subtag.length() == 4 && subtag.compareTo("qaaa") >= 0 && subtag.compareTo("qabx") <= 0) {
                return true;
            }
            if (subtag.length() == 2 && subtag.chars().allMatch(Character::isLetter) && (subtag.equals("aa") || subtag.equals("zz")
                    || subtag.compareTo("qm") >= 0 && subtag.compareTo("qz") <= 0 || subtag.charAt(0) == 'x')) {
                return true;
            }
        }
        return false;
    }

    private static void identificationHelper(CsafDocumentView doc, Report report) {
        for (ProductTreeIndex.Located product : doc.productTree().fullProductNames()) {
            if (!product.node().has("product_identification_helper")) {
                report.fail(product.path(), "has no product_identification_helper");
            }
        }
    }

    private static void cveInIds(CsafDocumentView doc, Report report) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) ->
                each(vulnerability.path("ids"), path + "/ids", (id, p) -> {
                    String text = text(id.path("text"));
                    if (text != null && CVE.matcher(text).matches()) {
                        report.fail(p + "/text", text + " is a CVE id: it belongs in cve");
                    }
                }));
    }

    private static OffsetDateTime date(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
