package dev.vigil.server.advisory.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The product versions a CSAF document says are affected: the names of the {@code product_version} branches whose
 * product is listed as first, known or last affected by any vulnerability.
 */
public final class AffectedVersions {

    private static final List<String> AFFECTED = List.of("first_affected", "known_affected", "last_affected");

    private AffectedVersions() {
    }

    public static Set<String> of(JsonNode document) {
        Set<String> affectedIds = new HashSet<>();
        for (JsonNode vulnerability : document.path("vulnerabilities").values()) {
            for (String status : AFFECTED) {
                vulnerability.path("product_status").path(status).values().stream().filter(JsonNode::isString)
                        .forEach(id -> affectedIds.add(id.asString()));
            }
        }
        Set<String> versions = new TreeSet<>();
        collect(document.path("product_tree").path("branches"), affectedIds, versions);
        return versions;
    }

    private static void collect(JsonNode branches, Set<String> affectedIds, Set<String> versions) {
        for (JsonNode branch : branches.values()) {
            JsonNode id = branch.path("product").path("product_id");
            if (branch.path("category").isString() && branch.path("category").asString().equals("product_version")
                    && id.isString() && affectedIds.contains(id.asString()) && branch.path("name").isString()) {
                versions.add(branch.path("name").asString());
            }
            collect(branch.path("branches"), affectedIds, versions);
        }
    }
}
