package dev.vigil.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.parse.PromqlParser;

class AlertingRuleTest {

    private static final long MIN = 60_000;
    private final SeriesStore store = new InMemorySeriesStore();
    private final Evaluator evaluator = new Evaluator(store, MIN);

    private AlertingRule rule(long forMs, long keepFiringMs) {
        return new AlertingRule("High", PromqlParser.parse("load > 1"), forMs, keepFiringMs,
                Map.of("severity", "warning", "owner", "{{ $labels.team }}"), Map.of("summary", "at {{ $value }}"), 0,
                RuleTemplates.none());
    }

    private void load(double... perMinute) {
        for (int i = 0; i < perMinute.length; i++) {
            store.add(Labels.of("__name__", "load", "team", "ops"), new Point(i * MIN, perMinute[i], false));
        }
    }

    private AlertState stateAt(AlertingRule rule, long minute) {
        List<Alert> active = rule.activeAlerts();
        return active.isEmpty() ? AlertState.INACTIVE : active.getFirst().state();
    }

    @Test
    void forIsInclusiveAndAFalseEvaluationResetsThePendingTimer() {
        load(2, 2, 2, 0, 2, 2, 2);
        AlertingRule rule = rule(2 * MIN, 0);
        AlertState[] expected = {AlertState.PENDING, AlertState.PENDING, AlertState.FIRING, AlertState.INACTIVE,
                AlertState.PENDING, AlertState.PENDING, AlertState.FIRING};
        for (int m = 0; m < expected.length; m++) {
            rule.evaluate(evaluator, m * MIN);
            assertThat(stateAt(rule, m)).as("minute %d", m).isEqualTo(expected[m]);
        }
    }

    @Test
    void keepFiringForHoldsTheAlertAndItsLastAnnotations() {
        load(5, 5, 0, 0, 0, 0);
        AlertingRule rule = rule(0, 2 * MIN);
        for (int m = 0; m <= 5; m++) {
            rule.evaluate(evaluator, m * MIN);
            AlertState expected = m <= 3 ? AlertState.FIRING : AlertState.INACTIVE;
            assertThat(stateAt(rule, m)).as("minute %d", m).isEqualTo(expected);
            if (expected == AlertState.FIRING) {
                assertThat(rule.activeAlerts().getFirst().annotations()).containsEntry("summary", "at 5");
            }
        }
    }

    @Test
    void labelsAreTemplatedAndAlertsSeriesProduced() {
        load(2);
        List<Sample> out = rule(MIN, 0).evaluate(evaluator, 0);
        Labels alert = Labels.of("alertname", "High", "owner", "ops", "severity", "warning", "team", "ops");
        assertThat(out).extracting(Sample::labels).containsExactlyInAnyOrder(
                alert.with("__name__", "ALERTS").with("alertstate", "pending"),
                alert.with("__name__", "ALERTS_FOR_STATE"));
    }
}
