package dev.vigil.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.testkit.Corpus;

/** Every public rule file in corpus/alert-rules loads: all expressions parse and type-check. */
class CorpusRuleFilesTest {

    /** Expressions of the corpus Vigil cannot evaluate, with the reason. Goal: none. */
    private static final Map<String, String> UNSUPPORTED = Map.of();

    @Test
    void everyRuleFileLoads() {
        Path root = Corpus.require("alert-rules");
        Map<String, Integer> expectedRuleCounts = Map.of(
                "kube-prometheus/node-exporter.rules.yaml", 26 + 15,
                "awesome-prometheus-alerts/node-exporter.yml", 35,
                "compliance-alert-generator-rules.yaml", 7,
                "conformance/semantics.rules.yml", 3,
                "promtool-format-examples/alerts.yml", 2,
                "promtool-format-examples/rules.yml", 5);
        RuleFileLoader loader = new RuleFileLoader(60_000, RuleTemplates.none());
        expectedRuleCounts.forEach((file, count) -> {
            List<RuleGroup> groups = loader.load(root.resolve(file));
            assertThat(groups.stream().mapToInt(g -> g.rules().size()).sum()).as(file).isEqualTo(count);
        });
        assertThat(UNSUPPORTED).isEmpty();
    }
}
