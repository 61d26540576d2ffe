package dev.vigil.detect.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;

class ValueCorrelationTest {

    private static final String BASE_RULE = """
            title: web upload
            name: upload
            logsource: {category: proxy}
            detection: {sel: {method: POST}, condition: sel}
            """;

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    static final class Run {
        final List<CorrelationMatch> fired = new ArrayList<>();
        CorrelationEngine engine;
    }

    /** Runs the base rule plus one correlation over (seconds from start, event JSON) pairs. */
    static Run run(String correlation, int maxValues, Object... timedEvents) {
        SigmaDocuments documents = new SigmaRuleParser().parse(BASE_RULE + "---\n" + correlation, "c.yml");
        assertThat(documents.problems()).isEmpty();
        RuleSet ruleSet = RuleSet.compile(documents.rules(), LogSourceMapping.none());
        Run run = new Run();
        run.engine = CorrelationEngine.compile(documents.correlations(), ruleSet.rules(), 100, maxValues);
        assertThat(run.engine.skipped()).isEmpty();
        JsonEventParser parser = new JsonEventParser();
        for (int i = 0; i < timedEvents.length; i += 2) {
            JsonEvent event;
            try {
                event = parser.parse((String) timedEvents[i + 1], i / 2 + 1);
            } catch (EventParseException e) {
                throw new IllegalArgumentException(e);
            }
            run.fired.addAll(run.engine.accept(ruleSet.match(event), event,
                    START.plusSeconds(((Number) timedEvents[i]).longValue()), i / 2));
        }
        return run;
    }

    static String upload(String host, Object bytes) {
        String value = bytes instanceof String s ? "\"" + s + "\"" : String.valueOf(bytes);
        return "{\"method\":\"POST\",\"host\":\"" + host + "\",\"bytes\":" + value + "}";
    }

    private static String correlation(String type, String condition) {
        return """
                title: exfil
                id: 5f0c8a0e-1f7b-4f8e-9a63-0f3c2d1b7a10
                correlation:
                    type: %s
                    rules: [upload]
                    group-by: [host]
                    timespan: 1h
                    condition: {field: bytes, %s}
                """.formatted(type, condition);
    }

    @Test
    void valueSumFiresWhenTheSlidingSumCrossesTheThresholdAndExplainsIt() {
        Run run = run(correlation("value_sum", "gt: 1000"), 100,
                0, upload("a", 400), 10, upload("b", 900), 600, upload("a", 500), 1200, upload("a", 101),
                1300, upload("a", 5000));
        assertThat(run.fired).hasSize(2);
        CorrelationMatch first = run.fired.getFirst();
        assertThat(first.group()).isEqualTo(Map.of("host", "a"));
        assertThat(first.value()).isEqualTo(1001.0);
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.events()).containsExactly(0L, 2L, 3L);
        assertThat(first.windowStart()).isEqualTo(START);
        assertThat(first.time()).isEqualTo(START.plusSeconds(1200));
        assertThat(first.condition()).isEqualTo("gt 1000");
        assertThat(first.explanation()).isEqualTo("value_sum of bytes over 3 events from 2026-03-02T10:00:00Z to "
                + "2026-03-02T10:20:00Z for {host=a} = 1001, condition gt 1000");
        // the window started over after the first alert, so the second one holds only the last event
        assertThat(run.fired.get(1).value()).isEqualTo(5000.0);
        assertThat(run.fired.get(1).events()).containsExactly(4L);
    }

    @Test
    void windowIncludesAnEventExactlyOneTimespanOldButNotOneMillisecondOlder() {
        String rule = correlation("value_sum", "gte: 2");
        assertThat(run(rule, 100, 0, upload("a", 1), 3600, upload("a", 1)).fired).hasSize(1);
        assertThat(run(rule, 100, 0, upload("a", 1), 3601, upload("a", 1)).fired).isEmpty();
    }

    @Test
    void valueAvgUsesTheEventsInTheWindowOnly() {
        String rule = correlation("value_avg", "gte: 100");
        // 10 and 290 average 150 within the hour; with 3700 s between them, each stands alone
        assertThat(run(rule, 100, 0, upload("a", 10), 100, upload("a", 290)).fired).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(150.0));
        assertThat(run(rule, 100, 0, upload("a", 10), 3700, upload("a", 90)).fired).isEmpty();
        // an upper bound alone is allowed: the average can fall as well as rise
        assertThat(run(correlation("value_avg", "lt: 5"), 100, 0, upload("a", 10), 1, upload("a", -2)).fired)
                .singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(4.0));
    }

    @Test
    void valuePercentileUsesNearestRank() {
        String rule = correlation("value_percentile", "percentile: 90, gte: 1000");
        // p90 needs the value of rank ceil(0.9 n): with 1..8 that is 8; the ninth event (1000) makes it rank 9 = 1000
        Object[] events = new Object[18];
        for (int i = 0; i < 9; i++) {
            events[2 * i] = i;
            events[2 * i + 1] = upload("a", i < 8 ? i + 1 : 1000);
        }
        Run run = run(rule, 100, events);
        assertThat(run.fired).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(1000.0);
            assertThat(m.count()).isEqualTo(9);
            assertThat(m.condition()).isEqualTo("p90 gte 1000");
        });
    }

    @Test
    void percentileDefaultsToTheMedian() {
        Run run = run(correlation("value_percentile", "gt: 5"), 100,
                0, upload("a", 1), 1, upload("a", 100), 2, upload("a", 9));
        assertThat(run.fired).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(9.0);
            assertThat(m.condition()).isEqualTo("p50 gt 5");
        });
    }

    @Test
    void nonNumericValuesAreLeftOutAndCounted() {
        Run run = run(correlation("value_sum", "gte: 10"), 100,
                0, upload("a", 6), 1, upload("a", "lots"), 2, upload("a", " 4 "), 3, "{\"method\":\"POST\",\"host\":\"a\"}",
                4, upload("a", "0x10"), 5, upload("a", "NaN"));
        assertThat(run.fired).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(10.0);
            assertThat(m.events()).containsExactly(0L, 2L);
        });
        assertThat(run.engine.nonNumericValues()).isEqualTo(4);
    }

    @Test
    void numericStringsAndDecimalThresholdsWork() {
        Run run = run(correlation("value_avg", "gt: 2.5"), 100, 0, upload("a", "2"), 1, upload("a", 3.25));
        assertThat(run.fired).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(2.625));
    }

    @Test
    void perGroupCapKeepsTheLatestEventsAndSaysSo() {
        // cap 3: the sum covers only the latest three uploads of the burst (all four would make 31)
        Run run = run(correlation("value_sum", "eq: 30"), 3,
                0, upload("a", 1), 1, upload("a", 10), 2, upload("a", 10), 3, upload("a", 10));
        assertThat(run.fired).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(30.0);
            assertThat(m.events()).containsExactly(1L, 2L, 3L);
            assertThat(m.explanation()).contains("window truncated to the latest 3 events");
        });
    }

    @Test
    void groupsAreSeparate() {
        Run run = run(correlation("value_sum", "gte: 10"), 100, 0, upload("a", 6), 1, upload("b", 6),
                2, upload("b", 4));
        assertThat(run.fired).singleElement().satisfies(m -> assertThat(m.group()).isEqualTo(Map.of("host", "b")));
    }

    @Test
    void theSpecificationExamplesCompile() {
        for (String type : List.of("value_sum", "value_avg", "value_percentile")) {
            String yaml = BASE_RULE + "---\n"
                    + readExample(type).replace("website_access", "upload").replace("rule_a_id", "upload")
                    .replace("process_creation", "upload");
            SigmaDocuments documents = new SigmaRuleParser().parse(yaml, type + ".yml");
            assertThat(documents.problems()).as(type).isEmpty();
            CorrelationEngine engine = CorrelationEngine.compile(documents.correlations(),
                    RuleSet.compile(documents.rules(), LogSourceMapping.none()).rules(), 10, 10);
            assertThat(engine.skipped()).as(type).isEmpty();
            assertThat(engine.correlationCount()).isEqualTo(1);
        }
    }

    private static String readExample(String type) {
        try {
            return Files.readString(Corpus.require("sigma").resolve("spec-examples/correlation/" + type + ".yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void invalidConditionsAreReportedByTheParser() {
        SigmaDocuments documents = new SigmaRuleParser().parse(BASE_RULE + """
                ---
                title: bad threshold
                correlation: {type: value_sum, rules: [upload], timespan: 1h, condition: {field: bytes, gt: much}}
                ---
                title: bad percentile
                correlation: {type: value_percentile, rules: [upload], timespan: 1h,
                              condition: {field: bytes, gt: 1, percentile: 101}}
                ---
                title: misplaced percentile
                correlation: {type: value_avg, rules: [upload], timespan: 1h,
                              condition: {field: bytes, gt: 1, percentile: 50}}
                ---
                title: no field
                correlation: {type: value_avg, rules: [upload], timespan: 1h, condition: {gt: 1}}
                """, "c.yml");
        assertThat(documents.problems()).extracting(Object::toString).satisfiesExactly(
                p -> assertThat(p).contains("condition gt needs a number, got 'much'"),
                p -> assertThat(p).contains("percentile must be an integer from 0 to 100"),
                p -> assertThat(p).contains("percentile only applies to value_percentile"),
                p -> assertThat(p).contains("value_avg needs a condition field"));
    }
}
