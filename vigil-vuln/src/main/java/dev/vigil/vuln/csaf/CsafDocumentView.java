package dev.vigil.vuln.csaf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/** Read access to a CSAF document for the tests: its parts, the product tree index, and array walking with paths. */
final class CsafDocumentView {

    static final List<String> PRODUCT_STATUSES = List.of("first_affected", "first_fixed", "fixed", "known_affected",
            "known_not_affected", "last_affected", "recommended", "under_investigation");

    private final JsonNode root;
    private ProductTreeIndex productTree;

    CsafDocumentView(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    JsonNode document() {
        return root.path("document");
    }

    /** {@code /document/category}, or "" when absent. */
    String category() {
        String category = text(document().path("category"));
        return category == null ? "" : category;
    }

    JsonNode vulnerabilities() {
        return root.path("vulnerabilities");
    }

    ProductTreeIndex productTree() {
        if (productTree == null) {
            productTree = new ProductTreeIndex(root.path("product_tree"));
        }
        return productTree;
    }

    /** Calls the action with each element of the array and its path; does nothing when it is not an array. */
    static void each(JsonNode array, String path, BiConsumer<JsonNode, String> action) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            action.accept(array.get(i), path + "/" + i);
        }
    }

    /** The string value, or null when the node is absent or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    /** The strings of an array, skipping other elements. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        each(array, "", (node, path) -> {
            if (node.isString()) {
                values.add(node.asString());
            }
        });
        return values;
    }
}
