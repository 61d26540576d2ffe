package dev.vigil.detect.sigma.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every regression case of the corpus: the case's rule, scoped by the built-in Windows mapping, must match exactly the
 * expected lines of {@code events.jsonl} (evtx_dump nesting) and of {@code events.flat.jsonl} (flattened), and the
 * number of matches must equal {@code expected_matches}.
 */
class SigmaCaseConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> cases() throws IOException {
        Path cases = Corpus.root().resolve("sigma").resolve("cases");
        if (!Files.isDirectory(cases)) {
            // one invocation that skips visibly through Corpus.require
            return Stream.of(Arguments.of("corpus missing", "events.jsonl"));
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(cases)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).isNotEmpty();
        return dirs.stream().flatMap(dir -> Stream.of(Arguments.of(dir.getFileName().toString(), "events.jsonl"),
                Arguments.of(dir.getFileName().toString(), "events.flat.jsonl")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void caseMatchesExactlyTheExpectedLines(String caseId, String eventsFile) throws Exception {
        Path dir = Corpus.require("sigma").resolve("cases").resolve(caseId);
        JsonNode expected = JSON.readTree(dir.resolve("case.json").toFile());
        SigmaRule rule = new SigmaRuleParser().parseRule(Files.readString(dir.resolve("rule.yml")),
                dir.resolve("rule.yml").toString());
        RuleSet ruleSet = RuleSet.compile(List.of(rule), LogSourceMappingLoader.windows());
        assertThat(ruleSet.skipped()).as("skipped rules").isEmpty();
        JsonEventParser parser = new JsonEventParser();
        List<Integer> matched = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(eventsFile));
        for (int i = 0; i < lines.size(); i++) {
            if (!ruleSet.match(parser.parse(lines.get(i), i + 1)).isEmpty()) {
                matched.add(i);
            }
        }
        List<Integer> expectedLines = new ArrayList<>();
        expected.get("expected_match_lines").forEach(n -> expectedLines.add(n.asInt()));
        assertThat(matched).as("matching lines of %s for rule %s (%s)", eventsFile, rule.id(), rule.title())
                .isEqualTo(expectedLines);
        assertThat(matched).hasSize(expected.get("expected_matches").asInt());
        assertThat(rule.author()).isEqualTo(expected.get("author").asString());
    }
}
