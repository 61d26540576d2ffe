package dev.vigil.detect.sigma.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;

/** The whole public rule set and the specification's examples load. */
class SigmaRuleCorpusParseTest {

    /**
     * Rule files that are wrong by the Sigma specification, relative to corpus/sigma/rules, with the reason. Each must
     * be rejected (with this reason in the message), every other file must parse.
     */
    private static final Map<String, String> KNOWN_BAD = Map.of();

    private final SigmaRuleParser parser = new SigmaRuleParser();

    @Test
    void everyRuleFileParses() throws IOException {
        Path rules = CorpusRules.root();
        Map<Path, SigmaDocuments> all = CorpusRules.all();
        List<Path> files = List.copyOf(all.keySet());
        assertThat(files).hasSizeGreaterThan(3000);
        Map<String, List<SigmaProblem>> rejected = new TreeMap<>();
        List<SigmaRule> parsed = new ArrayList<>();
        for (Path file : files) {
            SigmaDocuments documents = all.get(file);
            if (documents.hasProblems()) {
                rejected.put(rules.relativize(file).toString(), documents.problems());
            }
            parsed.addAll(documents.rules());
        }
        assertThat(rejected.keySet()).as("rejected files: %s", rejected).isEqualTo(KNOWN_BAD.keySet());
        KNOWN_BAD.forEach((file, reason) -> assertThat(rejected.get(file).toString()).contains(reason));
        assertThat(parsed).hasSize(files.size() - KNOWN_BAD.size());

        // every parsed rule compiles; only placeholder rules need values that are not configured
        RuleSet ruleSet = RuleSet.compile(parsed, LogSourceMapping.none());
        List<SkippedRule> notEvaluable = ruleSet.skipped();
        assertThat(notEvaluable).allSatisfy(s -> {
            assertThat(s.reason()).isEqualTo(SkippedRule.Reason.NOT_EVALUABLE);
            assertThat(s.detail()).contains("placeholder");
        });
        assertThat(notEvaluable).hasSize(25);
    }

    @Test
    void specificationExamplesParse() throws IOException {
        Path examples = Corpus.require("sigma").resolve("spec-examples");
        List<Path> files = CorpusRules.yamlFiles(examples);
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        int correlations = 0;
        int filters = 0;
        for (Path file : files) {
            SigmaDocuments documents = parser.parse(file);
            assertThat(documents.problems()).as(file.toString()).isEmpty();
            correlations += documents.correlations().size();
            filters += documents.filters().size();
        }
        assertThat(correlations).isGreaterThanOrEqualTo(8);
        assertThat(filters).isEqualTo(2);
    }
}
