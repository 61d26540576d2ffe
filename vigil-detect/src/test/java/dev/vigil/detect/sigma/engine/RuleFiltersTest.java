package dev.vigil.detect.sigma.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

class RuleFiltersTest {

    private static RuleSet compile(String filterRules, String filterLogsource) {
        SigmaDocuments documents = new SigmaRuleParser().parse("""
                title: rar
                id: 6f3e2987-db24-4c78-a860-b4f4095a7095
                name: rar_rule
                logsource: {product: windows, category: process_creation}
                detection: {sel: {Image|endswith: '\\\\rar.exe'}, condition: sel}
                ---
                title: other
                logsource: {product: windows, category: process_creation}
                detection: {sel: {Image|endswith: '\\\\rar.exe'}, condition: sel}
                ---
                title: Filter administrator accounts
                logsource: %s
                filter:
                    rules: %s
                    selection:
                        User|startswith: 'adm_'
                    condition: not selection
                """.formatted(filterLogsource, filterRules), "f.yml");
        assertThat(documents.problems()).isEmpty();
        return RuleSet.compile(documents.rules(), LogSourceMapping.none(), Map.of(), documents.filters());
    }

    private static List<String> matches(RuleSet ruleSet, String user) throws Exception {
        return ruleSet.match(new JsonEventParser().parse("{\"Image\":\"C:\\\\rar.exe\",\"User\":\"" + user + "\"}", 1))
                .stream().map(m -> m.rule().title()).toList();
    }

    @Test
    void filtersExcludeEventsFromTheRulesTheyName() throws Exception {
        RuleSet byId = compile("[6f3e2987-db24-4c78-a860-b4f4095a7095]", "{product: windows, category: process_creation}");
        assertThat(matches(byId, "adm_bob")).containsExactly("other");
        assertThat(matches(byId, "bob")).containsExactly("rar", "other");
        RuleSet byName = compile("[rar_rule]", "{category: process_creation}");
        assertThat(matches(byName, "adm_bob")).containsExactly("other");
        RuleSet any = compile("[any]", "{product: windows}");
        assertThat(matches(any, "adm_bob")).isEmpty();
    }

    @Test
    void filtersOnlyApplyToRulesOfTheirLogSource() throws Exception {
        RuleSet otherSource = compile("[any]", "{product: windows, category: file_event}");
        assertThat(matches(otherSource, "adm_bob")).containsExactly("rar", "other");
    }
}
