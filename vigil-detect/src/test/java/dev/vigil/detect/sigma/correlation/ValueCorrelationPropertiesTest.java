package dev.vigil.detect.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The streaming value_sum / value_avg / value_percentile state agrees with a brute-force recomputation over the same
 * random stream: at each event, take every earlier numeric event of the group since the last alert whose time lies in
 * [t - timespan, t], aggregate, test the condition, start over on an alert.
 */
class ValueCorrelationPropertiesTest {

    record Step(int gapSeconds, String host, Integer bytes) {
    }

    record Fire(long eventIndex, String host, double value) {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 120)),
                Tuple.of(1, Arbitraries.integers().between(3500, 3700)));
        Arbitrary<String> hosts = Arbitraries.of("a", "b", "c");
        Arbitrary<Integer> values = Arbitraries.integers().between(-50, 400).injectNull(0.1);
        return Combinators.combine(gaps, hosts, values).as(Step::new).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void streamingAgreesWithBruteForce(@ForAll("streams") List<Step> stream,
            @ForAll("types") String type, @ForAll("operators") String operator,
            @ForAll @IntRange(min = -100, max = 2000) int threshold, @ForAll @IntRange(min = 0, max = 100) int percentile) {
        String condition = operator + ": " + threshold
                + ("value_percentile".equals(type) ? ", percentile: " + percentile : "");
        String rule = """
                title: p
                correlation:
                    type: %s
                    rules: [upload]
                    group-by: [host]
                    timespan: 1h
                    condition: {field: bytes, %s}
                """.formatted(type, condition);
        List<Object> timed = new ArrayList<>();
        long t = 0;
        for (Step step : stream) {
            t += step.gapSeconds();
            timed.add(t);
            timed.add(ValueCorrelationTest.upload(step.host(), step.bytes() == null ? "n/a" : step.bytes()));
        }
        ValueCorrelationTest.Run run = ValueCorrelationTest.run(rule, 100_000, timed.toArray());
        List<Fire> streaming = run.fired.stream()
                .map(m -> new Fire(m.events().getLast(), m.group().get("host"), m.value())).toList();
        assertThat(streaming).isEqualTo(bruteForce(stream, type, operator, threshold, percentile));
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("value_sum", "value_avg", "value_percentile");
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("gt", "gte", "lt", "lte", "eq", "neq");
    }

    private static List<Fire> bruteForce(List<Step> stream, String type, String operator, int threshold,
            int percentile) {
        record Seen(long time, String host, double value) {
        }
        List<Seen> seen = new ArrayList<>();
        List<Fire> fires = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < stream.size(); i++) {
            Step step = stream.get(i);
            t += step.gapSeconds() * 1000L;
            if (step.bytes() == null) {
                continue;
            }
            seen.add(new Seen(t, step.host(), step.bytes()));
            long now = t;
            List<Double> window = seen.stream()
                    .filter(s -> s.host().equals(step.host()) && s.time() >= now - 3_600_000L)
                    .map(Seen::value).sorted().toList();
            double sum = 0;
            for (double v : window) {
                sum += v;
            }
            double value = switch (type) {
                case "value_sum" -> sum;
                case "value_avg" -> sum / window.size();
                default -> window.get((int) Math.max(1, Math.ceil(percentile / 100.0 * window.size())) - 1);
            };
            boolean holds = switch (operator) {
                case "gt" -> value > threshold;
                case "gte" -> value >= threshold;
                case "lt" -> value < threshold;
                case "lte" -> value <= threshold;
                case "eq" -> value == threshold;
                default -> value != threshold;
            };
            if (holds) {
                fires.add(new Fire(i, step.host(), value));
                seen.removeIf(s -> s.host().equals(step.host()));
            }
        }
        return fires;
    }
}
