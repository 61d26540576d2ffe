package dev.vigil.vuln.csaf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.strings;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** What {@code /product_tree} defines: products (with where), product groups, branches and relationships. */
final class ProductTreeIndex {

    /** A node of the document and its JSON Pointer. */
    record Located(JsonNode node, String path) {
    }

    /** A defined identifier and the path of its definition. */
    record Definition(String id, String path) {
    }

    private final List<Located> fullProductNames = new ArrayList<>();
    private final List<Located> branches = new ArrayList<>();
    private final List<Located> relationships = new ArrayList<>();
    private final List<Definition> productDefinitions = new ArrayList<>();
    private final List<Definition> groupDefinitions = new ArrayList<>();
    private final Map<String, Set<String>> groupMembers = new LinkedHashMap<>();

    ProductTreeIndex(JsonNode tree) {
        walkBranches(tree.path("branches"), "/product_tree/branches");
        each(tree.path("full_product_names"), "/product_tree/full_product_names",
                (node, path) -> fullProductNames.add(new Located(node, path)));
        each(tree.path("relationships"), "/product_tree/relationships", (node, path) -> {
            relationships.add(new Located(node, path));
            if (node.has("full_product_name")) {
                fullProductNames.add(new Located(node.path("full_product_name"), path + "/full_product_name"));
            }
        });
        for (Located product : fullProductNames) {
            String id = text(product.node().path("product_id"));
            if (id != null) {
                productDefinitions.add(new Definition(id, product.path() + "/product_id"));
            }
        }
        each(tree.path("product_groups"), "/product_tree/product_groups", (node, path) -> {
            String id = text(node.path("group_id"));
            if (id != null) {
                groupDefinitions.add(new Definition(id, path + "/group_id"));
                groupMembers.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(strings(node.path("product_ids")));
            }
        });
    }

    private void walkBranches(JsonNode array, String path) {
        each(array, path, (branch, branchPath) -> {
            branches.add(new Located(branch, branchPath));
            if (branch.has("product")) {
                fullProductNames.add(new Located(branch.path("product"), branchPath + "/product"));
            }
            walkBranches(branch.path("branches"), branchPath + "/branches");
        });
    }

    /** Every full product name object: in branches, in full_product_names and in relationships. */
    List<Located> fullProductNames() {
        return fullProductNames;
    }

    List<Located> branches() {
        return branches;
    }

    List<Located> relationships() {
        return relationships;
    }

    List<Definition> productDefinitions() {
        return productDefinitions;
    }

    List<Definition> groupDefinitions() {
        return groupDefinitions;
    }

    Set<String> definedProductIds() {
        Set<String> ids = new LinkedHashSet<>();
        productDefinitions.forEach(d -> ids.add(d.id()));
        return ids;
    }

    boolean hasGroup(String groupId) {
        return groupMembers.containsKey(groupId);
    }

    /** The products the given product ids and group ids stand for together. */
    Set<String> products(Collection<String> productIds, Collection<String> groupIds) {
        Set<String> products = new LinkedHashSet<>(productIds);
        for (String group : groupIds) {
            products.addAll(groupMembers.getOrDefault(group, Set.of()));
        }
        return products;
    }

    /** The products an element with {@code product_ids} and {@code group_ids} (a flag, threat or remediation) names. */
    Set<String> productsOf(JsonNode element) {
        return products(strings(element.path("product_ids")), strings(element.path("group_ids")));
    }
}
