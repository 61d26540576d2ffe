package dev.vigil.vuln.csaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts are edited by hand and checked before any schema validation, so the tests must report, never throw, on
 * documents of the wrong shape: every corpus document with its strings, numbers and arrays swapped for other types.
 */
class CsafValidatorRobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void documentsOfTheWrongShapeAreReportedNotThrown() throws IOException {
        Path corpus = Corpus.require("csaf-2.0");
        List<Path> documents;
        try (Stream<Path> files = Files.walk(corpus)) {
            documents = files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("json_schema")
                    && !p.getFileName().toString().equals("testcases.json")).sorted().toList();
        }
        List<Function<JsonNode, JsonNode>> mutations = List.of(
                n -> n.isString() ? NODES.objectNode().put("x", 1) : null,
                n -> n.isString() ? NODES.numberNode(7) : null,
                n -> n.isArray() ? NODES.objectNode() : null,
                n -> n.isArray() ? NODES.arrayNode().add(NODES.arrayNode()).add(NODES.nullNode()) : null,
                n -> n.isObject() && n.size() > 0 ? NODES.stringNode("x") : null,
                n -> n.isNumber() ? NODES.stringNode("9.9") : null);
        CsafValidator validator = new CsafValidator();
        JsonMapper json = JsonMapper.builder().build();
        List<String> thrown = new ArrayList<>();
        List<String> unnoticed = new ArrayList<>();
        for (Path document : documents) {
            JsonNode original = json.readTree(document.toFile());
            for (int m = 0; m < mutations.size(); m++) {
                JsonNode mutated = mutate(original.deepCopy(), mutations.get(m), true);
                try {
                    List<CsafViolation> violations = validator.validate(mutated);
                    validator.warnings(mutated);
                    boolean example = document.toString().contains("examples");
                    if (example && m < 5 && violations.stream().noneMatch(v -> v.test().equals("schema"))) {
                        unnoticed.add(document.getFileName() + " mutation " + m);
                    }
                } catch (RuntimeException e) {
                    thrown.add(document.getFileName() + " mutation " + m + ": " + e);
                }
            }
        }
        assertThat(documents).hasSizeGreaterThan(100);
        assertThat(thrown).isEmpty();
        assertThat(unnoticed).as("mutated examples the structure check let through").isEmpty();
    }

    /** Replaces, below the root, every node the mutation answers for; keeps the root an object. */
    private static JsonNode mutate(JsonNode node, Function<JsonNode, JsonNode> mutation, boolean root) {
        if (!root) {
            JsonNode replaced = mutation.apply(node);
            if (replaced != null) {
                return replaced;
            }
        }
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, mutate(object.get(name), mutation, false));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mutate(array.get(i), mutation, false));
            }
        }
        return node;
    }
}
