package dev.vigil.detect.sigma.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * How many corpus rules the built-in mappings cover together (what the server compiles against): a rule is mapped when
 * at least one built-in mapping routes it, unmapped when every one of them skips its log source. The figures are in
 * docs/DETECTION.md.
 */
class BuiltInMappingCoverageTest {

    @Test
    void builtInMappingsCoverTheExpectedCorpusRules() throws Exception {
        List<SigmaRule> rules = new ArrayList<>();
        CorpusRules.all().values().forEach(documents -> rules.addAll(documents.rules()));
        Set<SigmaRule> mapped = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<SigmaRule, Integer> unmappedBy = new IdentityHashMap<>();
        for (String name : LogSourceMappingLoader.BUILT_IN) {
            RuleSet ruleSet = RuleSet.compile(rules, LogSourceMappingLoader.load(name));
            mapped.addAll(ruleSet.rules());
            for (SkippedRule skipped : ruleSet.skipped()) {
                if (skipped.reason() == SkippedRule.Reason.LOGSOURCE_NOT_MAPPED) {
                    unmappedBy.merge(skipped.rule(), 1, Integer::sum);
                } else {
                    mapped.add(skipped.rule()); // routed, but needs placeholder values
                }
            }
        }
        Map<String, Integer> unmapped = new TreeMap<>();
        unmappedBy.forEach((rule, count) -> {
            if (count == LogSourceMappingLoader.BUILT_IN.size() && !mapped.contains(rule)) {
                unmapped.merge(rule.logsource().toString(), 1, Integer::sum);
            }
        });
        int unmappedCount = unmapped.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("corpus rules %d: mapped %d, unmapped %d%n", rules.size(), mapped.size(), unmappedCount);
        unmapped.forEach((source, count) -> System.out.printf("  unmapped %4d %s%n", count, source));
        assertThat(mapped.size() + unmappedCount).isEqualTo(rules.size());
        // before the proxy, PIM, Workspace and M365 threat_management/threat_detection/exchange mappings: 3,433 / 347
        assertThat(mapped).hasSize(3521);
        assertThat(unmappedCount).isEqualTo(259);
        assertThat(unmapped.keySet()).doesNotContain("category=proxy", "product=azure service=pim",
                "product=gcp service=google_workspace.admin", "product=gcp service=google_workspace.login",
                "product=m365 service=threat_management", "product=m365 service=threat_detection",
                "product=m365 service=exchange");
    }
}
