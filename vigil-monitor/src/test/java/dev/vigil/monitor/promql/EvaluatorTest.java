package dev.vigil.monitor.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.eval.EvaluationException;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.model.Value;
import dev.vigil.monitor.promql.parse.PromqlParser;

class EvaluatorTest {

    private static final long MIN = 60_000;
    private final SeriesStore store = new InMemorySeriesStore();
    private final Evaluator evaluator = new Evaluator(store, MIN);

    private void series(Labels labels, double... perMinute) {
        for (int i = 0; i < perMinute.length; i++) {
            store.add(labels, new Point(i * MIN, perMinute[i], false));
        }
    }

    private List<Sample> vector(String expr, long at) {
        Value v = evaluator.evaluate(PromqlParser.parse(expr), at);
        return ((Value.InstantVector) v).samples().stream().sorted(Comparator.comparing(Sample::labels)).toList();
    }

    private Map<String, Double> byLabel(String label, String expr, long at) {
        return vector(expr, at).stream().collect(Collectors.toMap(s -> s.labels().get(label), Sample::value));
    }

    private double scalar(String expr, long at) {
        return ((Value.Scalar) evaluator.evaluate(PromqlParser.parse(expr), at)).value();
    }

    @Test
    void instantSelectorUsesFiveMinuteLookbackAndStaleness() {
        series(Labels.of("__name__", "up", "job", "a"), 1);
        store.add(Labels.of("__name__", "up", "job", "b"), new Point(0, 1, false));
        store.add(Labels.of("__name__", "up", "job", "b"), new Point(MIN, Double.NaN, true));
        assertThat(vector("up", 5 * MIN)).extracting(s -> s.labels().get("job")).containsExactly("a");
        assertThat(vector("up", 5 * MIN + 1)).isEmpty();
        assertThat(vector("up{job=\"b\"}", MIN - 1)).hasSize(1);
        assertThat(vector("up{job=\"b\"}", MIN)).isEmpty();
        assertThat(vector("timestamp(up{job=\"a\"})", 4 * MIN).getFirst().value()).isZero();
    }

    @Test
    void rateExtrapolatesLikePrometheus() {
        series(Labels.of("__name__", "bytes_total", "dev", "eth0"), 0, 6.6e9, 13.2e9, 19.8e9, 26.4e9, 33e9);
        assertThat(vector("rate(bytes_total[5m])", 5 * MIN).getFirst().value()).isCloseTo(1.1e8, within(1e-3));
        assertThat(vector("increase(bytes_total[2m])", 5 * MIN).getFirst().value()).isCloseTo(13.2e9, within(1e-3));
        assertThat(vector("irate(bytes_total[5m])", 5 * MIN).getFirst().value()).isCloseTo(1.1e8, within(1e-3));
        // Only one sample in the window: no result at all.
        assertThat(vector("rate(bytes_total[30s])", 5 * MIN)).isEmpty();
        assertThat(vector("rate(bytes_total[5m])", 5 * MIN).getFirst().labels()).isEqualTo(Labels.of("dev", "eth0"));
    }

    @Test
    void counterResetsAreCompensated() {
        series(Labels.of("__name__", "c"), 10, 20, 5, 15);
        assertThat(vector("resets(c[5m])", 3 * MIN).getFirst().value()).isEqualTo(1);
        assertThat(vector("changes(c[5m])", 3 * MIN).getFirst().value()).isEqualTo(3);
        // raw delta 15-10 plus the 20 lost at the reset = 25 over 3 minutes, extrapolated to zero at the start.
        assertThat(vector("increase(c[3m])", 3 * MIN).getFirst().value()).isCloseTo(25, within(1e-9));
    }

    @Test
    void linearRegressionFunctions() {
        series(Labels.of("__name__", "avail"), 149, 148.9, 148.8, 148.7, 148.6);
        assertThat(vector("deriv(avail[5m])", 4 * MIN).getFirst().value()).isCloseTo(-0.1 / 60, within(1e-12));
        assertThat(vector("predict_linear(avail[5m], 600)", 4 * MIN).getFirst().value()).isCloseTo(147.6, within(1e-9));
    }

    @Test
    void overTimeFunctions() {
        series(Labels.of("__name__", "m", "i", "x"), 1, 5, 3);
        assertThat(vector("avg_over_time(m[5m])", 2 * MIN).getFirst().value()).isEqualTo(3);
        assertThat(vector("min_over_time(m[5m])", 2 * MIN).getFirst().value()).isEqualTo(1);
        assertThat(vector("max_over_time(m[5m])", 2 * MIN).getFirst().value()).isEqualTo(5);
        assertThat(vector("sum_over_time(m[5m])", 2 * MIN).getFirst().value()).isEqualTo(9);
        assertThat(vector("count_over_time(m[1m])", 2 * MIN).getFirst().value()).isEqualTo(2);
        assertThat(vector("last_over_time(m[5m])", 2 * MIN).getFirst().labels().get("__name__")).isEqualTo("m");
        assertThat(vector("quantile_over_time(0.5, m[5m])", 2 * MIN).getFirst().value()).isEqualTo(3);
        assertThat(vector("stddev_over_time(m[5m])", 2 * MIN).getFirst().value()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(vector("max_over_time(m[3m:1m])", 2 * MIN).getFirst().value()).isEqualTo(5);
        assertThat(vector("absent_over_time(nothing{job=\"j\"}[5m])", 0).getFirst().labels()).isEqualTo(Labels.of("job", "j"));
        assertThat(vector("absent_over_time(m[5m])", 2 * MIN)).isEmpty();
    }

    @Test
    void aggregationsGroupByAndWithout() {
        series(Labels.of("__name__", "cpu", "instance", "a", "mode", "idle", "cpu", "0"), 1);
        series(Labels.of("__name__", "cpu", "instance", "a", "mode", "idle", "cpu", "1"), 3);
        series(Labels.of("__name__", "cpu", "instance", "b", "mode", "idle", "cpu", "0"), 10);
        assertThat(byLabel("instance", "sum by (instance) (cpu)", 0)).containsEntry("a", 4.0).containsEntry("b", 10.0);
        assertThat(vector("count without (cpu, mode) (cpu)", 0)).extracting(Sample::labels)
                .containsExactly(Labels.of("instance", "a"), Labels.of("instance", "b"));
        assertThat(byLabel("instance", "avg by (instance) (cpu)", 0)).containsEntry("a", 2.0);
        assertThat(vector("max(cpu)", 0).getFirst().value()).isEqualTo(10);
        assertThat(vector("min(cpu)", 0).getFirst().value()).isEqualTo(1);
        assertThat(vector("topk(1, cpu)", 0).getFirst().labels().get("instance")).isEqualTo("b");
        assertThat(vector("bottomk(2, cpu)", 0)).hasSize(2);
        assertThat(vector("quantile(0.5, cpu)", 0).getFirst().value()).isEqualTo(3);
        assertThat(vector("stddev(cpu)", 0).getFirst().value()).isCloseTo(Math.sqrt(((1 - 14 / 3.0) * (1 - 14 / 3.0) + (3 - 14 / 3.0) * (3 - 14 / 3.0) + (10 - 14 / 3.0) * (10 - 14 / 3.0)) / 3), within(1e-12));
        assertThat(byLabel("value", "count_values(\"value\", cpu)", 0)).containsEntry("10", 1.0);
    }

    @Test
    void vectorMatchingAndSetOperators() {
        series(Labels.of("__name__", "avail", "dev", "a", "fs", "ext4"), 40);
        series(Labels.of("__name__", "avail", "dev", "b", "fs", "tmpfs"), 10);
        series(Labels.of("__name__", "size", "dev", "a", "fs", "ext4"), 1000);
        series(Labels.of("__name__", "size", "dev", "b", "fs", "tmpfs"), 1000);
        series(Labels.of("__name__", "ro", "dev", "a", "fs", "ext4", "extra", "1"), 0);
        assertThat(byLabel("dev", "avail / size * 100 < 5", 0)).containsOnlyKeys("a", "b");
        assertThat(byLabel("dev", "avail{fs!~\"tmpfs\"} / size * 100 < 5 and on (dev) ro == 0", 0)).containsOnlyKeys("a");
        assertThat(vector("avail / size", 0).getFirst().labels().has("__name__")).isFalse();
        assertThat(vector("avail > 20", 0).getFirst().labels().get("__name__")).isEqualTo("avail");
        assertThat(byLabel("dev", "avail > bool 20", 0)).containsEntry("a", 1.0).containsEntry("b", 0.0);
        assertThat(byLabel("dev", "avail unless on(dev) ro", 0)).containsOnlyKeys("b");
        assertThat(vector("avail or on(dev) ro", 0)).hasSize(2);
        assertThat(vector("avail * on(dev) group_left(extra) ro", 0).getFirst().labels().get("extra")).isEqualTo("1");
        assertThat(vector("avail - ignoring(extra) ro", 0)).hasSize(1);
        assertThat(vector("20 < avail", 0).getFirst().value()).isEqualTo(40);
    }

    @Test
    void histogramQuantileInterpolatesWithinTheBucket() {
        series(Labels.of("__name__", "h_bucket", "le", "0.1"), 10);
        series(Labels.of("__name__", "h_bucket", "le", "1"), 30);
        series(Labels.of("__name__", "h_bucket", "le", "+Inf"), 40);
        // rank 20 of 40 lies halfway between 10 (le 0.1) and 30 (le 1).
        assertThat(vector("histogram_quantile(0.5, h_bucket)", 0).getFirst().value()).isCloseTo(0.55, within(1e-12));
        assertThat(vector("histogram_quantile(0.99, h_bucket)", 0).getFirst().value()).isEqualTo(1);
        assertThat(vector("histogram_quantile(0.5, h_bucket)", 0).getFirst().labels()).isEqualTo(Labels.EMPTY);
    }

    @Test
    void labelJoinConcatenatesSources() {
        series(Labels.of("__name__", "v", "a", "x", "b", "y"), 1);
        assertThat(vector("label_join(v, \"ab\", \"-\", \"a\", \"b\")", 0).getFirst().labels().get("ab")).isEqualTo("x-y");
    }

    @Test
    void manyToManyMatchingIsAnError() {
        series(Labels.of("__name__", "x", "a", "1", "b", "1"), 1);
        series(Labels.of("__name__", "x", "a", "1", "b", "2"), 1);
        series(Labels.of("__name__", "y", "a", "1"), 1);
        assertThatThrownBy(() -> vector("y + on(a) x", 0)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("many-to-many");
    }

    @Test
    void scalarsAndInstantFunctions() {
        series(Labels.of("__name__", "v", "k", "x-1"), -2.5);
        assertThat(scalar("2 ^ 3 + 10 % 4", 0)).isEqualTo(10);
        assertThat(scalar("1 > bool 2", 0)).isZero();
        assertThat(scalar("time()", 90_000)).isEqualTo(90);
        assertThat(scalar("scalar(v)", 0)).isEqualTo(-2.5);
        assertThat(vector("abs(v)", 0).getFirst().value()).isEqualTo(2.5);
        assertThat(vector("ceil(v)", 0).getFirst().value()).isEqualTo(-2);
        assertThat(vector("floor(v)", 0).getFirst().value()).isEqualTo(-3);
        assertThat(vector("round(v)", 0).getFirst().value()).isEqualTo(-2);
        assertThat(vector("round(v, 5)", 0).getFirst().value()).isZero();
        assertThat(vector("clamp_min(v, 0)", 0).getFirst().value()).isZero();
        assertThat(vector("clamp_max(v, -3)", 0).getFirst().value()).isEqualTo(-3);
        assertThat(vector("vector(7)", 0).getFirst().value()).isEqualTo(7);
        assertThat(vector("-v", 0).getFirst().labels().has("__name__")).isFalse();
        assertThat(vector("label_replace(v, \"id\", \"$1\", \"k\", \"x-(.*)\")", 0).getFirst().labels().get("id")).isEqualTo("1");
        assertThat(vector("label_replace(v, \"id\", \"$1\", \"k\", \"nomatch\")", 0).getFirst().labels().has("id")).isFalse();
        assertThat(vector("absent(nothing{job=\"j\",x=~\"y\"})", 0).getFirst().labels()).isEqualTo(Labels.of("job", "j"));
        assertThat(vector("absent(v)", 0)).isEmpty();
        // 2026-11-29T03:00:00Z is a Sunday.
        long sunday3am = 1_795_921_200_000L;
        assertThat(vector("hour()", sunday3am).getFirst().value()).isEqualTo(3);
        assertThat(vector("day_of_week()", sunday3am).getFirst().value()).isZero();
    }
}
