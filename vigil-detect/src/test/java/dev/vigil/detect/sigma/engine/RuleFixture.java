package dev.vigil.detect.sigma.engine;

import java.util.List;
import java.util.Map;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaParseException;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

/** Hand-made one-rule fixtures: a detection section in YAML, evaluated without log-source scoping. */
final class RuleFixture {

    private final RuleSet ruleSet;

    private RuleFixture(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** @param detection the lines under {@code detection:}, indented by four spaces */
    static RuleFixture detection(String detection) {
        return detection(detection, Map.of());
    }

    static RuleFixture detection(String detection, Map<String, List<String>> placeholders) {
        String yaml = "title: fixture\nid: 11111111-2222-4333-8444-555555555555\nlogsource:\n    product: test\n"
                + "detection:\n" + detection.stripTrailing() + "\n";
        return new RuleFixture(RuleSet.compile(List.of(rule(yaml)), LogSourceMapping.none(), placeholders));
    }

    static SigmaRule rule(String yaml) {
        try {
            return new SigmaRuleParser().parseRule(yaml, "fixture.yml");
        } catch (SigmaParseException e) {
            throw new AssertionError("fixture does not parse: " + e.getMessage(), e);
        }
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    boolean matches(String json) {
        try {
            return !ruleSet.match(new JsonEventParser().parse(json, 1)).isEmpty();
        } catch (EventParseException e) {
            throw new AssertionError(e);
        }
    }
}
