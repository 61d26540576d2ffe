package dev.vigil.vuln.csaf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.vigil.vuln.cvss.Cvss2Calculator;
import dev.vigil.vuln.cvss.CvssCalculator;
import dev.vigil.vuln.cvss.CvssScore;
import dev.vigil.vuln.cvss.CvssVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link CsafAdvisory} as a CSAF 2.0 JSON document: the product tree as vendor / product name / product
 * version branches, CVSS objects with the scores computed from their vectors. Empty optional parts are left out, as
 * the schema wants ({@code minItems: 1}); keys are written in alphabetical order (optional test 6.2.13).
 */
public final class CsafWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The document as a JSON tree. @throws IllegalArgumentException for a score vector CSAF 2.0 cannot carry */
    public ObjectNode write(CsafAdvisory advisory) {
        ObjectNode root = NODES.objectNode();
        root.set("document", document(advisory));
        if (!advisory.products().isEmpty()) {
            root.set("product_tree", productTree(advisory.products()));
        }
        if (!advisory.vulnerabilities().isEmpty()) {
            ArrayNode vulnerabilities = root.putArray("vulnerabilities");
            advisory.vulnerabilities().forEach(v -> vulnerabilities.add(vulnerability(v)));
        }
        return root;
    }

    /** The document as pretty-printed JSON text. */
    public String toJson(CsafAdvisory advisory) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(write(advisory));
    }

    private static ObjectNode document(CsafAdvisory advisory) {
        ObjectNode document = NODES.objectNode();
        document.put("category", advisory.profile().category());
        document.put("csaf_version", "2.0");
        document.putObject("distribution").putObject("tlp").put("label", advisory.tlp());
        document.put("lang", advisory.lang());
        notes(document, advisory.notes());
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", advisory.publisher().category());
        publisher.put("name", advisory.publisher().name());
        publisher.put("namespace", advisory.publisher().namespace());
        references(document, advisory.references());
        document.put("title", advisory.title());
        CsafAdvisory.Tracking tracking = advisory.tracking();
        ObjectNode t = document.putObject("tracking");
        t.put("current_release_date", date(tracking.currentReleaseDate()));
        t.putObject("generator").putObject("engine").put("name", "Vigil");
        t.put("id", tracking.id());
        t.put("initial_release_date", date(tracking.initialReleaseDate()));
        ArrayNode history = t.putArray("revision_history");
        for (CsafAdvisory.Revision revision : tracking.revisions()) {
            history.addObject().put("date", date(revision.date())).put("number", revision.number())
                    .put("summary", revision.summary());
        }
        t.put("status", tracking.status());
        t.put("version", tracking.version());
        return document;
    }

    private static ObjectNode productTree(List<CsafAdvisory.Product> products) {
        ObjectNode tree = NODES.objectNode();
        ArrayNode vendors = tree.putArray("branches");
        for (CsafAdvisory.Product product : products) {
            ObjectNode vendor = vendors.addObject();
            ArrayNode names = vendor.putArray("branches");
            vendor.put("category", "vendor").put("name", product.vendor());
            ObjectNode name = names.addObject();
            ArrayNode versions = name.putArray("branches");
            name.put("category", "product_name").put("name", product.name());
            for (CsafAdvisory.ProductVersion version : product.versions()) {
                ObjectNode full = versions.addObject().put("category", "product_version").put("name", version.version())
                        .putObject("product");
                full.put("name", product.vendor() + " " + product.name() + " " + version.version());
                full.put("product_id", version.productId());
                if (version.purl() != null && !version.purl().isBlank()) {
                    full.putObject("product_identification_helper").put("purl", version.purl());
                }
            }
        }
        return tree;
    }

    private static ObjectNode vulnerability(CsafAdvisory.Vulnerability v) {
        ObjectNode node = NODES.objectNode();
        if (v.cve() != null) {
            node.put("cve", v.cve());
        }
        if (!v.flags().isEmpty()) {
            ArrayNode flags = node.putArray("flags");
            v.flags().forEach(f -> ids(flags.addObject().put("label", f.label()), "product_ids", f.productIds()));
        }
        if (!v.ids().isEmpty()) {
            ArrayNode ids = node.putArray("ids");
            v.ids().forEach(id -> ids.addObject().put("system_name", id.systemName()).put("text", id.text()));
        }
        notes(node, v.notes());
        ObjectNode status = NODES.objectNode();
        ids(status, "fixed", v.status().fixed());
        ids(status, "known_affected", v.status().knownAffected());
        ids(status, "known_not_affected", v.status().knownNotAffected());
        ids(status, "under_investigation", v.status().underInvestigation());
        if (!status.isEmpty()) {
            node.set("product_status", status);
        }
        references(node, v.references());
        if (!v.remediations().isEmpty()) {
            ArrayNode remediations = node.putArray("remediations");
            for (CsafAdvisory.Remediation r : v.remediations()) {
                ObjectNode remediation = remediations.addObject().put("category", r.category()).put("details", r.details());
                ids(remediation, "product_ids", r.productIds());
                if (r.url() != null) {
                    remediation.put("url", r.url());
                }
            }
        }
        if (!v.scores().isEmpty()) {
            ArrayNode scores = node.putArray("scores");
            v.scores().forEach(s -> scores.add(score(s)));
        }
        if (!v.threats().isEmpty()) {
            ArrayNode threats = node.putArray("threats");
            v.threats().forEach(t -> ids(threats.addObject().put("category", t.category()).put("details", t.details()),
                    "product_ids", t.productIds()));
        }
        if (v.title() != null) {
            node.put("title", v.title());
        }
        return node;
    }

    private static ObjectNode score(CsafAdvisory.Score score) {
        ObjectNode node = NODES.objectNode();
        String vector = score.vector();
        if (vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/")) {
            CvssScore computed = CvssCalculator.score(vector);
            node.putObject("cvss_v3")
                    .put("baseScore", computed.baseScore())
                    .put("baseSeverity", computed.severity().label().toUpperCase(Locale.ROOT))
                    .put("vectorString", vector)
                    .put("version", computed.version() == CvssVersion.V3_0 ? "3.0" : "3.1");
        } else if (!vector.startsWith("CVSS:")) {
            node.putObject("cvss_v2").put("baseScore", Cvss2Calculator.score(vector).baseScore()).put("vectorString", vector)
                    .put("version", "2.0");
        } else {
            throw new IllegalArgumentException("CSAF 2.0 carries CVSS v2 and v3 scores only, not " + vector);
        }
        ids(node, "products", score.products());
        return node;
    }

    private static void notes(ObjectNode parent, List<CsafAdvisory.Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray("notes");
        for (CsafAdvisory.Note note : notes) {
            ObjectNode n = array.addObject().put("category", note.category()).put("text", note.text());
            if (note.title() != null) {
                n.put("title", note.title());
            }
        }
    }

    private static void references(ObjectNode parent, List<CsafAdvisory.Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray("references");
        references.forEach(r -> array.addObject().put("category", r.category()).put("summary", r.summary()).put("url", r.url()));
    }

    private static void ids(ObjectNode parent, String field, List<String> ids) {
        if (!ids.isEmpty()) {
            ArrayNode array = parent.putArray(field);
            ids.forEach(array::add);
        }
    }

    private static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
