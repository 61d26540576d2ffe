package dev.vigil.vuln.csaf;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;
import static dev.vigil.vuln.csaf.Profile.INFORMATIONAL_ADVISORY;
import static dev.vigil.vuln.csaf.Profile.SECURITY_ADVISORY;
import static dev.vigil.vuln.csaf.Profile.SECURITY_INCIDENT_RESPONSE;
import static dev.vigil.vuln.csaf.Profile.VEX;

/** §6.1.27.1-6.1.27.11: what each profile requires of a document. */
final class ProfileTests {

    private static final Set<String> DOCUMENT_NOTE_CATEGORIES = Set.of("description", "details", "general", "summary");

    private ProfileTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.27.1", "Document Notes", ProfileTests::documentNotes),
                new ConformanceTest("6.1.27.2", "Document References", ProfileTests::documentReferences),
                new ConformanceTest("6.1.27.3", "Vulnerabilities", ProfileTests::noVulnerabilities),
                new ConformanceTest("6.1.27.4", "Product Tree", ProfileTests::productTree),
                new ConformanceTest("6.1.27.5", "Vulnerability Notes", ProfileTests::vulnerabilityNotes),
                new ConformanceTest("6.1.27.6", "Product Status", ProfileTests::productStatus),
                new ConformanceTest("6.1.27.7", "VEX Product Status", ProfileTests::vexProductStatus),
                new ConformanceTest("6.1.27.8", "Vulnerability ID", ProfileTests::vulnerabilityId),
                new ConformanceTest("6.1.27.9", "Impact Statement", ProfileTests::impactStatement),
                new ConformanceTest("6.1.27.10", "Action Statement", ProfileTests::actionStatement),
                new ConformanceTest("6.1.27.11", "Vulnerabilities", ProfileTests::hasVulnerabilities));
    }

    private static boolean is(CsafDocumentView doc, Profile... profiles) {
        Profile profile = Profile.of(doc.category());
        return profile != null && List.of(profiles).contains(profile);
    }

    private static void documentNotes(CsafDocumentView doc, Report report) {
        if (!is(doc, INFORMATIONAL_ADVISORY, SECURITY_INCIDENT_RESPONSE)) {
            return;
        }
        boolean found = false;
        for (JsonNode note : doc.document().path("notes").values()) {
            String category = text(note.path("category"));
            found |= category != null && DOCUMENT_NOTE_CATEGORIES.contains(category);
        }
        if (!found) {
            report.fail("/document/notes", "needs a note of category description, details, general or summary");
        }
    }

    private static void documentReferences(CsafDocumentView doc, Report report) {
        if (!is(doc, INFORMATIONAL_ADVISORY, SECURITY_INCIDENT_RESPONSE)) {
            return;
        }
        boolean found = false;
        for (JsonNode reference : doc.document().path("references").values()) {
            found |= "external".equals(text(reference.path("category")));
        }
        if (!found) {
            report.fail("/document/references", "needs a reference of category external");
        }
    }

    private static void noVulnerabilities(CsafDocumentView doc, Report report) {
        if (is(doc, INFORMATIONAL_ADVISORY) && doc.root().has("vulnerabilities")) {
            report.fail("/vulnerabilities", "an informational advisory has no vulnerabilities");
        }
    }

    private static void productTree(CsafDocumentView doc, Report report) {
        if (is(doc, SECURITY_ADVISORY, VEX) && !doc.root().has("product_tree")) {
            report.fail("/product_tree", "is required in a " + doc.category() + " document");
        }
    }

    private static void hasVulnerabilities(CsafDocumentView doc, Report report) {
        if (is(doc, SECURITY_ADVISORY, VEX) && !doc.root().has("vulnerabilities")) {
            report.fail("/vulnerabilities", "is required in a " + doc.category() + " document");
        }
    }

    private static void vulnerabilityNotes(CsafDocumentView doc, Report report) {
        if (is(doc, SECURITY_ADVISORY, VEX)) {
            requireInEach(doc, "notes", report);
        }
    }

    private static void productStatus(CsafDocumentView doc, Report report) {
        if (is(doc, SECURITY_ADVISORY)) {
            requireInEach(doc, "product_status", report);
        }
    }

    private static void requireInEach(CsafDocumentView doc, String field, Report report) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            if (!vulnerability.has(field)) {
                report.fail(path + "/" + field, "is required in a " + doc.category() + " document");
            }
        });
    }

    private static void vexProductStatus(CsafDocumentView doc, Report report) {
        if (!is(doc, VEX)) {
            return;
        }
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            JsonNode status = vulnerability.path("product_status");
            if (!status.has("fixed") && !status.has("known_affected") && !status.has("known_not_affected")
                    && !status.has("under_investigation")) {
                report.fail(path + "/product_status",
                        "needs one of fixed, known_affected, known_not_affected or under_investigation");
            }
        });
    }

    private static void vulnerabilityId(CsafDocumentView doc, Report report) {
        if (!is(doc, VEX)) {
            return;
        }
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            if (!vulnerability.has("cve") && !vulnerability.has("ids")) {
                report.fail(path, "needs a cve or ids");
            }
        });
    }

    private static void impactStatement(CsafDocumentView doc, Report report) {
        if (!is(doc, VEX)) {
            return;
        }
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            Set<String> stated = new HashSet<>();
            vulnerability.path("flags").values().forEach(flag -> stated.addAll(doc.productTree().productsOf(flag)));
            for (JsonNode threat : vulnerability.path("threats").values()) {
                if ("impact".equals(text(threat.path("category")))) {
                    stated.addAll(doc.productTree().productsOf(threat));
                }
            }
            each(vulnerability.path("product_status").path("known_not_affected"),
                    path + "/product_status/known_not_affected", (id, idPath) -> {
                        if (id.isString() && !stated.contains(id.asString())) {
                            report.fail(idPath, "product '" + id.asString()
                                    + "' is known not affected without an impact statement (a flag or an impact threat)");
                        }
                    });
        });
    }

    private static void actionStatement(CsafDocumentView doc, Report report) {
        if (!is(doc, VEX)) {
            return;
        }
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            Set<String> covered = new HashSet<>();
            vulnerability.path("remediations").values().forEach(r -> covered.addAll(doc.productTree().productsOf(r)));
            each(vulnerability.path("product_status").path("known_affected"),
                    path + "/product_status/known_affected", (id, idPath) -> {
                        if (id.isString() && !covered.contains(id.asString())) {
                            report.fail(idPath, "product '" + id.asString()
                                    + "' is known affected without an action statement (a remediation)");
                        }
                    });
        });
    }
}
