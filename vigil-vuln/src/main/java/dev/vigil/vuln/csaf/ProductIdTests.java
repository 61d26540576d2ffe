package dev.vigil.vuln.csaf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** §6.1.1-6.1.5: product ids and product group ids are defined exactly once and relationships do not loop. */
final class ProductIdTests {

    private ProductIdTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.1", "Missing Definition of Product ID", ProductIdTests::missingProductDefinition),
                new ConformanceTest("6.1.2", "Multiple Definition of Product ID", ProductIdTests::multipleProductDefinition),
                new ConformanceTest("6.1.3", "Circular Definition of Product ID", ProductIdTests::circularDefinition),
                new ConformanceTest("6.1.4", "Missing Definition of Product Group ID", ProductIdTests::missingGroupDefinition),
                new ConformanceTest("6.1.5", "Multiple Definition of Product Group ID", ProductIdTests::multipleGroupDefinition));
    }

    private static void missingProductDefinition(CsafDocumentView doc, Report report) {
        Set<String> defined = doc.productTree().definedProductIds();
        for (ProductTreeIndex.Definition reference : productReferences(doc)) {
            if (!defined.contains(reference.id())) {
                report.fail(reference.path(), "product id '" + reference.id() + "' is not defined in the product tree");
            }
        }
    }

    private static void multipleProductDefinition(CsafDocumentView doc, Report report) {
        duplicates(doc.productTree().productDefinitions(), "product id", report);
    }

    private static void missingGroupDefinition(CsafDocumentView doc, Report report) {
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            for (String part : List.of("flags", "remediations", "threats")) {
                each(vulnerability.path(part), path + "/" + part, (element, elementPath) ->
                        each(element.path("group_ids"), elementPath + "/group_ids", (group, groupPath) -> {
                            String id = text(group);
                            if (id != null && !doc.productTree().hasGroup(id)) {
                                report.fail(groupPath, "product group id '" + id + "' is not defined in the product tree");
                            }
                        }));
            }
        });
    }

    private static void multipleGroupDefinition(CsafDocumentView doc, Report report) {
        duplicates(doc.productTree().groupDefinitions(), "product group id", report);
    }

    private static void duplicates(List<ProductTreeIndex.Definition> definitions, String what, Report report) {
        Map<String, String> first = new HashMap<>();
        for (ProductTreeIndex.Definition definition : definitions) {
            String earlier = first.putIfAbsent(definition.id(), definition.path());
            if (earlier != null) {
                report.fail(definition.path(), what + " '" + definition.id() + "' is already defined at " + earlier);
            }
        }
    }

    /** A relationship's product must not be built, directly or through other relationships, from itself. */
    private static void circularDefinition(CsafDocumentView doc, Report report) {
        Map<String, List<String>> parts = new HashMap<>();
        for (ProductTreeIndex.Located relationship : doc.productTree().relationships()) {
            String id = text(relationship.node().path("full_product_name").path("product_id"));
            if (id != null) {
                List<String> from = parts.computeIfAbsent(id, k -> new ArrayList<>());
                for (String field : List.of("product_reference", "relates_to_product_reference")) {
                    String part = text(relationship.node().path(field));
                    if (part != null) {
                        from.add(part);
                    }
                }
            }
        }
        for (ProductTreeIndex.Located relationship : doc.productTree().relationships()) {
            String id = text(relationship.node().path("full_product_name").path("product_id"));
            if (id != null && reaches(parts, id, id, new HashSet<>())) {
                report.fail(relationship.path() + "/full_product_name/product_id",
                        "product id '" + id + "' is defined in terms of itself");
            }
        }
    }

    private static boolean reaches(Map<String, List<String>> parts, String from, String target, Set<String> seen) {
        for (String part : parts.getOrDefault(from, List.of())) {
            if (part.equals(target)) {
                return true;
            }
            if (seen.add(part) && reaches(parts, part, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Every place that refers to a product by id. */
    static List<ProductTreeIndex.Definition> productReferences(CsafDocumentView doc) {
        List<ProductTreeIndex.Definition> references = new ArrayList<>();
        JsonNode tree = doc.root().path("product_tree");
        each(tree.path("product_groups"), "/product_tree/product_groups",
                (group, path) -> collect(group.path("product_ids"), path + "/product_ids", references));
        each(tree.path("relationships"), "/product_tree/relationships", (relationship, path) -> {
            for (String field : List.of("product_reference", "relates_to_product_reference")) {
                String id = text(relationship.path(field));
                if (id != null) {
                    references.add(new ProductTreeIndex.Definition(id, path + "/" + field));
                }
            }
        });
        each(doc.vulnerabilities(), "/vulnerabilities", (vulnerability, path) -> {
            for (String status : CsafDocumentView.PRODUCT_STATUSES) {
                collect(vulnerability.path("product_status").path(status), path + "/product_status/" + status, references);
            }
            each(vulnerability.path("remediations"), path + "/remediations",
                    (element, p) -> collect(element.path("product_ids"), p + "/product_ids", references));
            each(vulnerability.path("scores"), path + "/scores",
                    (element, p) -> collect(element.path("products"), p + "/products", references));
            each(vulnerability.path("threats"), path + "/threats",
                    (element, p) -> collect(element.path("product_ids"), p + "/product_ids", references));
            each(vulnerability.path("flags"), path + "/flags",
                    (element, p) -> collect(element.path("product_ids"), p + "/product_ids", references));
        });
        return references;
    }

    private static void collect(JsonNode ids, String path, List<ProductTreeIndex.Definition> into) {
        each(ids, path, (id, idPath) -> {
            if (id.isString()) {
                into.add(new ProductTreeIndex.Definition(id.asString(), idPath));
            }
        });
    }
}
