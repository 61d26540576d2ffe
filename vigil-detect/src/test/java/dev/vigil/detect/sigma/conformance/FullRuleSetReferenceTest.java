package dev.vigil.detect.sigma.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleMatch;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.testkit.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole public rule set, loaded at once and routed by log source, against every corpus event: the rules matching
 * each event must be exactly the case's rule (where expected) plus the other rules the corpus's reference evaluator
 * matched ({@code other_rules_matching_reference}). This checks routing and all rules together, not one rule in isolation.
 */
class FullRuleSetReferenceTest {

    @Test
    void everyCorpusEventMatchesExactlyTheReferenceRules() throws Exception {
        Path sigma = Corpus.require("sigma");
        List<SigmaRule> rules = new ArrayList<>();
        CorpusRules.all().values().forEach(documents -> rules.addAll(documents.rules()));
        RuleSet ruleSet = RuleSet.compile(rules, LogSourceMappingLoader.windows());
        JsonMapper json = JsonMapper.builder().build();
        JsonEventParser events = new JsonEventParser();
        List<Path> cases;
        try (Stream<Path> list = Files.list(sigma.resolve("cases"))) {
            cases = list.sorted().toList();
        }
        int checked = 0;
        for (Path dir : cases) {
            JsonNode expected = json.readTree(dir.resolve("case.json").toFile());
            Set<Integer> expectedLines = new TreeSet<>();
            expected.get("expected_match_lines").forEach(n -> expectedLines.add(n.asInt()));
            List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
            for (int i = 0; i < lines.size(); i++) {
                Set<String> want = new TreeSet<>();
                expected.get("other_rules_matching_reference").get(i).forEach(n -> want.add(n.asString()));
                if (expectedLines.contains(i)) {
                    want.add(expected.get("rule_id").asString());
                }
                Set<String> got = new TreeSet<>();
                for (RuleMatch match : ruleSet.match(events.parse(lines.get(i), i + 1))) {
                    got.add(match.rule().id());
                }
                assertThat(got).as("%s line %d", dir.getFileName(), i).isEqualTo(want);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(165);
    }
}
