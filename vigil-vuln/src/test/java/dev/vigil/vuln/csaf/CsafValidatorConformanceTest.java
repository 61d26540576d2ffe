package dev.vigil.vuln.csaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official CSAF 2.0 validator test documents (../shared/corpus/csaf-2.0/validator-tests/testcases.json): for each
 * mandatory test id, every {@code failures[]} document fails that test and every {@code valid[]} document passes it;
 * the official example advisories pass every mandatory test.
 */
class CsafValidatorConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path corpus = Corpus.require("csaf-2.0");
    private final CsafValidator validator = new CsafValidator();

    @Test
    void everyMandatoryTestCaseFailsOrPassesAsListed() {
        JsonNode cases = read(corpus.resolve("validator-tests/testcases.json"));
        List<String> wrong = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        int checked = 0;
        for (JsonNode test : cases.path("tests").values()) {
            if (!"mandatory".equals(test.path("group").asString())) {
                continue;
            }
            String id = test.path("id").asString();
            if (!validator.testIds().contains(id)) {
                notRun.add(id);
                continue;
            }
            for (JsonNode failure : test.path("failures").values()) {
                List<CsafViolation> violations = validate(failure, id);
                checked++;
                if (violations.isEmpty()) {
                    wrong.add(id + " passes " + failure.path("name").asString() + " but must fail it");
                }
            }
            for (JsonNode valid : test.path("valid").values()) {
                List<CsafViolation> violations = validate(valid, id);
                checked++;
                if (!violations.isEmpty()) {
                    wrong.add(id + " fails " + valid.path("name").asString() + " but must pass it: " + violations);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(notRun).as("mandatory tests of the corpus that the validator does not run").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(70);
    }

    @Test
    void everyOptionalTestCaseOfTheImplementedTestsFailsOrPassesAsListed() {
        JsonNode cases = read(corpus.resolve("validator-tests/testcases.json"));
        List<String> wrong = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (JsonNode test : cases.path("tests").values()) {
            String id = test.path("id").asString();
            if (!"optional".equals(test.path("group").asString())) {
                continue;
            }
            if (!validator.optionalTestIds().contains(id)) {
                notRun.add(id);
                continue;
            }
            for (JsonNode failure : test.path("failures").values()) {
                if (validate(failure, id).isEmpty()) {
                    wrong.add(id + " passes " + failure.path("name").asString() + " but must fail it");
                }
            }
            for (JsonNode valid : test.path("valid").values()) {
                List<CsafViolation> violations = validate(valid, id);
                if (!violations.isEmpty()) {
                    wrong.add(id + " fails " + valid.path("name").asString() + " but must pass it: " + violations);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(notRun).as("optional tests of the corpus that the validator does not run")
                .containsExactly("6.2.11", "6.2.18", "6.2.20");
    }

    @Test
    void theOfficialExamplesPassEveryMandatoryTest() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(corpus.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> wrong = new ArrayList<>();
        for (Path example : examples) {
            List<CsafViolation> violations = validator.validate(read(example));
            if (!violations.isEmpty()) {
                wrong.add(example.getFileName() + ": " + violations);
            }
        }
        assertThat(examples).hasSize(13);
        assertThat(wrong).isEmpty();
    }

    private List<CsafViolation> validate(JsonNode testCase, String id) {
        return validator.validate(read(corpus.resolve("validator-tests").resolve(testCase.path("name").asString())), id);
    }

    private static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }
}
