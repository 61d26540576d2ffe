package dev.vigil.vuln.csaf;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;

/**
 * The parts of the CSAF JSON schema (§3) that the mandatory tests and readers rely on: required members and their
 * types, CSAF version 2.0, the enumerations of category and status fields. A subset, not the schema: it keeps
 * documents of the wrong shape from being published without shipping the schema; tests use the official schema.
 * Failures carry the test id {@code schema}.
 */
final class StructureCheck {

    static final String ID = "schema";

    private static final Set<String> PUBLISHER_CATEGORIES = Set.of("coordinator", "discoverer", "other", "translator", "user", "vendor");
    private static final Set<String> STATUSES = Set.of("draft", "final", "interim");
    private static final Set<String> TLP = Set.of("WHITE", "GREEN", "AMBER", "RED");
    private static final Set<String> REMEDIATIONS = Set.of("mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround");

    private StructureCheck() {
    }

    static ConformanceTest test() {
        return new ConformanceTest(ID, "Required structure (subset of the JSON schema)", StructureCheck::check);
    }

    private static void check(CsafDocumentView doc, Report report) {
        JsonNode document = doc.document();
        if (!document.isObject()) {
            report.fail("/document", "is required and must be an object");
            return;
        }
        string(document, "/document", "category", true, null, report);
        if (!"2.0".equals(CsafDocumentView.text(document.path("csaf_version")))) {
            report.fail("/document/csaf_version", "must be \"2.0\"");
        }
        string(document, "/document", "title", true, null, report);
        string(document, "/document", "lang", false, null, report);
        JsonNode publisher = object(document, "/document", "publisher", true, report);
        if (publisher != null) {
            string(publisher, "/document/publisher", "category", true, PUBLISHER_CATEGORIES, report);
            string(publisher, "/document/publisher", "name", true, null, report);
            string(publisher, "/document/publisher", "namespace", true, null, report);
        }
        JsonNode distribution = object(document, "/document", "distribution", false, report);
        if (distribution != null && distribution.has("tlp")) {
            JsonNode tlp = object(distribution, "/document/distribution", "tlp", true, report);
            if (tlp != null) {
                string(tlp, "/document/distribution/tlp", "label", true, TLP, report);
            }
        }
        JsonNode tracking = object(document, "/document", "tracking", true, report);
        if (tracking != null) {
            for (String field : List.of("id", "version", "initial_release_date", "current_release_date")) {
                string(tracking, "/document/tracking", field, true, null, report);
            }
            string(tracking, "/document/tracking", "status", true, STATUSES, report);
            if (array(tracking, "/document/tracking", "revision_history", true, report)) {
                each(tracking.path("revision_history"), "/document/tracking/revision_history", (item, path) -> {
                    for (String field : List.of("date", "number", "summary")) {
                        string(item, path, field, true, null, report);
                    }
                });
            }
        }
        notes(document, "/document", report);
        if (doc.root().has("product_tree")) {
            object(doc.root(), "", "product_tree", true, report);
        }
        if (doc.root().has("vulnerabilities") && array(doc.root(), "", "vulnerabilities", true, report)) {
            each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> vulnerability(vulnerability, path, report));
        }
    }

    private static void vulnerability(JsonNode vulnerability, String path, Report report) {
        if (!vulnerability.isObject()) {
            report.fail(path, "must be an object");
            return;
        }
        string(vulnerability, path, "cve", false, null, report);
        string(vulnerability, path, "title", false, null, report);
        notes(vulnerability, path, report);
        JsonNode status = object(vulnerability, path, "product_status", false, report);
        if (status != null) {
            for (String list : CsafDocumentView.PRODUCT_STATUSES) {
                strings(status, path + "/product_status", list, report);
            }
        }
        for (String part : List.of("remediations", "scores", "threats", "flags", "references", "involvements", "ids")) {
            if (vulnerability.has(part) && array(vulnerability, path, part, true, report)) {
                each(vulnerability.path(part), path + "/" + part, (element, p) -> {
                    if (!element.isObject()) {
                        report.fail(p, "must be an object");
                    } else if (part.equals("remediations")) {
                        string(element, p, "category", true, REMEDIATIONS, report);
                        string(element, p, "details", true, null, report);
                    }
                    if (element.isObject()) {
                        strings(element, p, "product_ids", report);
                        strings(element, p, "group_ids", report);
                        strings(element, p, "products", report);
                    }
                });
            }
        }
    }

    private static void notes(JsonNode parent, String path, Report report) {
        if (parent.has("notes") && array(parent, path, "notes", true, report)) {
            each(parent.path("notes"), path + "/notes", (note, p) -> {
                string(note, p, "category", true, null, report);
                string(note, p, "text", true, null, report);
            });
        }
    }

    private static void string(JsonNode parent, String path, String field, boolean required, Set<String> allowed, Report report) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode()) {
            if (required) {
                report.fail(path + "/" + field, "is required");
            }
        } else if (!value.isString() || value.asString().isEmpty()) {
            report.fail(path + "/" + field, "must be a non-empty string");
        } else if (allowed != null && !allowed.contains(value.asString())) {
            report.fail(path + "/" + field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static JsonNode object(JsonNode parent, String path, String field, boolean required, Report report) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode()) {
            if (required) {
                report.fail(path + "/" + field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            report.fail(path + "/" + field, "must be an object");
            return null;
        }
        return value;
    }

    private static boolean array(JsonNode parent, String path, String field, boolean required, Report report) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode()) {
            if (required) {
                report.fail(path + "/" + field, "is required");
            }
            return false;
        }
        if (!value.isArray() || value.isEmpty()) {
            report.fail(path + "/" + field, "must be a non-empty array");
            return false;
        }
        return true;
    }

    private static void strings(JsonNode parent, String path, String field, Report report) {
        if (parent.has(field) && array(parent, path, field, true, report)) {
            each(parent.path(field), path + "/" + field, (item, p) -> {
                if (!item.isString() || item.asString().isEmpty()) {
                    report.fail(p, "must be a non-empty string");
                }
            });
        }
    }
}
