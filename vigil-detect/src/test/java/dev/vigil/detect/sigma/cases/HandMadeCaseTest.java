package dev.vigil.detect.sigma.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * The hand-made Linux, web and cloud cases: each SigmaHQ rule, compiled with the case's log-source mapping
 * ({@code linux}, {@code web}, or {@code none} for cloud audit logs, which no mapping covers yet), must match exactly
 * the expected lines of events as Vigil stores them.
 */
class HandMadeCaseTest {

    static List<String> cases() {
        return HandMadeCase.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleMatchesExactlyTheExpectedLines(String name) throws Exception {
        HandMadeCase hand = HandMadeCase.load(name);
        SigmaRule rule = hand.rule();
        assertThat(rule.id()).as("rule id of %s", hand.rulePath()).isEqualTo(hand.ruleId());
        RuleSet ruleSet = RuleSet.compile(List.of(rule), LogSourceMappingLoader.load(hand.mapping()));
        assertThat(ruleSet.skipped()).as("rules the %s mapping skips", hand.mapping()).isEmpty();

        JsonEventParser parser = new JsonEventParser();
        List<String> lines = hand.eventLines();
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ruleSet.match(parser.parse(lines.get(i), i + 1)).isEmpty()) {
                matched.add(i);
            }
        }
        assertThat(matched).as("matching lines of %s for rule %s (%s)", name, rule.id(), rule.title())
                .isEqualTo(hand.expectedLines());
        assertThat(matched).hasSize(hand.expectedMatches());
        assertThat(lines).hasSize(hand.eventCount());
    }

    @Test
    void everyCaseHasAMatchAndANearMiss() throws Exception {
        for (String name : HandMadeCase.names()) {
            HandMadeCase hand = HandMadeCase.load(name);
            assertThat(hand.expectedLines()).as(name).isNotEmpty().hasSizeLessThan(hand.eventCount());
        }
    }

    @Test
    void suiteCoversLinuxWebAndCloudRules() {
        Map<String, Long> perGroup = HandMadeCase.names().stream()
                .collect(Collectors.groupingBy(n -> n.substring(0, n.indexOf('/')), TreeMap::new,
                        Collectors.counting()));
        assertThat(perGroup.get("linux")).isGreaterThanOrEqualTo(12);
        assertThat(perGroup.get("web")).isGreaterThanOrEqualTo(8);
        assertThat(perGroup.get("cloud")).isGreaterThanOrEqualTo(8);
    }
}
