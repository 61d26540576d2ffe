package dev.vigil.detect.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

class CorrelationEngineTest {

    private static final String BASE_RULES = """
            title: failed logon
            name: failed_logon
            logsource: {product: windows, service: security}
            detection: {sel: {EventID: 4625}, condition: sel}
            ---
            title: recon a
            name: recon_a
            logsource: {product: windows}
            detection: {sel: {CommandLine|contains: whoami}, condition: sel}
            ---
            title: recon b
            name: recon_b
            logsource: {product: windows}
            detection: {sel: {CommandLine|contains: 'net user'}, condition: sel}
            """;

    /** Runs the base rules plus one correlation over (time offset in seconds, event JSON) pairs. */
    private static List<CorrelationMatch> run(String correlation, int maxGroups, Object... timedEvents) throws Exception {
        SigmaDocuments documents = new SigmaRuleParser().parse(BASE_RULES + "---\n" + correlation, "c.yml");
        assertThat(documents.problems()).isEmpty();
        RuleSet ruleSet = RuleSet.compile(documents.rules(), LogSourceMapping.none());
        CorrelationEngine engine = CorrelationEngine.compile(documents.correlations(), ruleSet.rules(), maxGroups, 100);
        assertThat(engine.skipped()).isEmpty();
        JsonEventParser parser = new JsonEventParser();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CorrelationMatch> fired = new ArrayList<>();
        for (int i = 0; i < timedEvents.length; i += 2) {
            JsonEvent event = parser.parse((String) timedEvents[i + 1], i);
            fired.addAll(engine.accept(ruleSet.match(event), event,
                    start.plusSeconds(((Number) timedEvents[i]).longValue())));
        }
        return fired;
    }

    private static String failed(String host, String user) {
        return "{\"EventID\":4625,\"Computer\":\"" + host + "\",\"User\":\"" + user + "\"}";
    }

    private static String command(String user, String commandLine) {
        return "{\"User\":\"" + user + "\",\"CommandLine\":\"" + commandLine + "\"}";
    }

    private static final String EVENT_COUNT = """
            title: brute force
            correlation:
                type: event_count
                rules: [failed_logon]
                group-by: [Computer]
                timespan: 5m
                condition: {gte: 3}
            """;

    @Test
    void eventCountFiresOncePerGroupWhenTheSlidingWindowReachesTheCount() throws Exception {
        List<CorrelationMatch> fired = run(EVENT_COUNT, 100,
                0, failed("A", "u"), 10, failed("B", "u"), 100, failed("A", "u"), 200, failed("A", "u"),
                210, failed("B", "u"), 220, failed("A", "u"));
        assertThat(fired).singleElement().satisfies(m -> {
            assertThat(m.group()).isEqualTo(Map.of("Computer", "A"));
            assertThat(m.count()).isEqualTo(3);
            assertThat(m.time()).isEqualTo(Instant.parse("2026-01-01T00:03:20Z"));
            assertThat(m.value()).isNull();
            assertThat(m.events()).containsExactly(0L, 2L, 3L);
            assertThat(m.explanation()).isEqualTo("event_count reached 3 events from 2026-01-01T00:00:00Z to "
                    + "2026-01-01T00:03:20Z for {Computer=A}, condition gte 3");
        });
    }

    @Test
    void eventsOutsideTheTimespanDoNotCount() throws Exception {
        assertThat(run(EVENT_COUNT, 100, 0, failed("A", "u"), 200, failed("A", "u"), 400, failed("A", "u"))).isEmpty();
    }

    @Test
    void valueCountCountsDistinctValues() throws Exception {
        String correlation = """
                title: spraying
                correlation:
                    type: value_count
                    rules: [failed_logon]
                    group-by: [Computer]
                    timespan: 1h
                    condition: {field: User, gte: 3}
                """;
        assertThat(run(correlation, 100, 0, failed("A", "x"), 1, failed("A", "x"), 2, failed("A", "y"),
                3, failed("A", "y"))).isEmpty();
        assertThat(run(correlation, 100, 0, failed("A", "x"), 1, failed("A", "y"), 2, failed("A", "z")))
                .singleElement().satisfies(m -> assertThat(m.count()).isEqualTo(3));
    }

    @Test
    void temporalNeedsAllRulesInAnyOrderWithinTheTimespan() throws Exception {
        String correlation = """
                title: recon
                correlation:
                    type: temporal
                    rules: [recon_a, recon_b]
                    group-by: [User]
                    timespan: 1m
                """;
        assertThat(run(correlation, 100, 0, command("bob", "net user x"), 30, command("bob", "whoami")))
                .singleElement().satisfies(m -> assertThat(m.group()).isEqualTo(Map.of("User", "bob")));
        assertThat(run(correlation, 100, 0, command("bob", "net user x"), 30, command("eve", "whoami"))).isEmpty();
        assertThat(run(correlation, 100, 0, command("bob", "net user x"), 90, command("bob", "whoami"))).isEmpty();
    }

    @Test
    void temporalOrderedNeedsListOrder() throws Exception {
        String correlation = """
                title: recon ordered
                correlation:
                    type: temporal_ordered
                    rules: [recon_a, recon_b]
                    group-by: [User]
                    timespan: 1m
                """;
        assertThat(run(correlation, 100, 0, command("bob", "net user x"), 30, command("bob", "whoami"))).isEmpty();
        assertThat(run(correlation, 100, 0, command("bob", "whoami"), 30, command("bob", "net user x"))).hasSize(1);
        assertThat(run(correlation, 100, 0, command("bob", "whoami"), 61, command("bob", "net user x"))).isEmpty();
        // a later start renews the window
        assertThat(run(correlation, 100, 0, command("bob", "whoami"), 50, command("bob", "whoami"),
                100, command("bob", "net user x"))).hasSize(1);
    }

    @Test
    void aliasesJoinDifferentlyNamedFields() throws Exception {
        String correlation = """
                title: same person
                correlation:
                    type: temporal
                    rules: [failed_logon, recon_a]
                    group-by: [person]
                    timespan: 1m
                    aliases:
                        person:
                            failed_logon: TargetUserName
                            recon_a: User
                """;
        assertThat(run(correlation, 100, 0, "{\"EventID\":4625,\"TargetUserName\":\"bob\"}", 5, command("bob", "whoami")))
                .singleElement().satisfies(m -> assertThat(m.group()).isEqualTo(Map.of("person", "bob")));
    }

    @Test
    void groupsAreBounded() throws Exception {
        // with room for one group, host B evicts host A's partial count
        assertThat(run(EVENT_COUNT, 1, 0, failed("A", "u"), 1, failed("A", "u"), 2, failed("B", "u"),
                3, failed("A", "u"))).isEmpty();
        assertThat(run(EVENT_COUNT, 2, 0, failed("A", "u"), 1, failed("A", "u"), 2, failed("B", "u"),
                3, failed("A", "u"))).hasSize(1);
    }

    @Test
    void unsupportedCorrelationsAreSkippedWithAReason() {
        SigmaDocuments documents = new SigmaRuleParser().parse(BASE_RULES + """
                ---
                title: too few
                name: too_few
                correlation: {type: event_count, rules: [failed_logon], timespan: 1h, condition: {lt: 3}}
                ---
                title: unknown
                correlation: {type: event_count, rules: [nope], timespan: 1h, condition: {gte: 3}}
                ---
                title: sum
                correlation: {type: value_sum, rules: [failed_logon], timespan: 1M, condition: {field: n, gte: 3}}
                ---
                title: chain
                correlation: {type: event_count, rules: [too_few], timespan: 1h, condition: {gte: 3}}
                """, "c.yml");
        assertThat(documents.problems()).isEmpty();
        CorrelationEngine engine = CorrelationEngine.compile(documents.correlations(), documents.rules(), 10, 10);
        assertThat(engine.correlationCount()).isZero();
        assertThat(engine.skipped()).extracting(SkippedCorrelation::reason).satisfiesExactly(
                r -> assertThat(r).contains("window closes"),
                r -> assertThat(r).contains("unknown rule 'nope'"),
                r -> assertThat(r).contains("timespan '1M'"),
                r -> assertThat(r).contains("chains of correlations are not supported"));
    }
}
