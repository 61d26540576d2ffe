package dev.vigil.detect.sigma.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.sigma.condition.ConditionNode;

class SigmaRuleParserTest {

    private final SigmaRuleParser parser = new SigmaRuleParser();

    private List<SigmaProblem> problems(String yaml) {
        return parser.parse(yaml, "r.yml").problems();
    }

    @Test
    void parsesMetadataAndKeepsRawScalarText() throws Exception {
        SigmaRule rule = parser.parseRule("""
                title: T
                id: 545a5da6-f103-4919-a519-e9aec1026ee4
                status: test
                author: A. Author
                level: high
                tags: [attack.t1059.001]
                custom_key: kept without complaint
                logsource: {product: windows, category: process_creation}
                detection:
                    sel:
                        Code: 010
                    condition: sel
                """, "r.yml");
        assertThat(rule.id()).isEqualTo("545a5da6-f103-4919-a519-e9aec1026ee4");
        assertThat(rule.author()).isEqualTo("A. Author");
        assertThat(rule.level()).isEqualTo("high");
        assertThat(rule.tags()).containsExactly("attack.t1059.001");
        assertThat(rule.logsource().category()).isEqualTo("process_creation");
        assertThat(rule.condition()).isEqualTo(new ConditionNode.Identifier("sel"));
        assertThat(rule.detections().get("sel").toString()).contains("010");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        List<SigmaProblem> problems = problems("""
                title: T
                level: severe
                logsource: {product: windows}
                detection:
                    sel:
                        Image|containz: x
                        Other|re: '('
                    condition: sel and missing
                """);
        assertThat(problems).extracting(SigmaProblem::line, p -> p.reason().split(":")[0].split(" '")[0])
                .contains(org.assertj.core.groups.Tuple.tuple(2, "level"),
                        org.assertj.core.groups.Tuple.tuple(6, "unknown modifier"),
                        org.assertj.core.groups.Tuple.tuple(8, "condition references undefined identifier"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.reason()).contains("invalid regular expression");
        });
        assertThat(problems).allSatisfy(p -> assertThat(p.source()).isEqualTo("r.yml"));
    }

    @Test
    void rejectsStructuralMistakes() {
        assertThat(problems("title: T\nlogsource: {product: x}\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("detection"));
        assertThat(problems("logsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("title"));
        assertThat(problems("title: T\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: 's | count() > 5'}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("aggregation"));
        assertThat(problems("title: T\ntitle: U\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("duplicate key 'title'"));
        assertThat(problems("title: T\nid: not-a-uuid\nlogsource: {product: x}\ndetection: {s: {a: 1}, condition: s}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("UUID"));
        assertThat(problems("title: [unclosed\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("invalid YAML"));
        assertThat(problems("title: T\nlogsource: {product: x}\ndetection: {s: {a|re|contains|exists: 1}, condition: s}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("must come before"));
        assertThat(problems("title: T\nlogsource: {product: x}\ndetection: {s: {a|base64: 'x*'}, condition: s}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("wildcards"));
        assertThat(problems("title: T\nlogsource: {product: x}\ndetection: {s: {a|year: 2020}, condition: s}\n"))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("not supported"));
    }

    @Test
    void parsesCorrelationAndFilterDocumentsOfOneFile() {
        SigmaDocuments documents = parser.parse("""
                title: base
                name: base_rule
                logsource: {product: windows}
                detection: {s: {a: 1}, condition: s}
                ---
                title: many
                correlation:
                    type: event_count
                    rules: [base_rule]
                    group-by: [User]
                    timespan: 5m
                    condition: {gte: 10}
                ---
                title: f
                logsource: {product: windows}
                filter:
                    rules: [base_rule]
                    sel: {User: admin}
                    condition: not sel
                """, "multi.yml");
        assertThat(documents.problems()).isEmpty();
        assertThat(documents.rules()).hasSize(1);
        assertThat(documents.correlations()).singleElement()
                .satisfies(c -> assertThat(c.groupBy()).containsExactly("User"));
        assertThat(documents.filters()).singleElement()
                .satisfies(f -> assertThat(f.rules()).containsExactly("base_rule"));
    }
}
