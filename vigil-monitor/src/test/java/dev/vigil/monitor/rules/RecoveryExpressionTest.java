package dev.vigil.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.parse.PromqlParser;

/** Zabbix-style recovery: fire above 90, stay firing until the value falls below 80 (not merely below 90). */
class RecoveryExpressionTest {

    private static final long MIN = 60_000;
    private final SeriesStore store = new InMemorySeriesStore();
    private final Evaluator evaluator = new Evaluator(store, MIN);

    @Test
    void aFiringAlertEndsOnlyWhenTheRecoveryExpressionHolds() {
        double[] used = {95, 85, 85, 79, 85, 95};
        Labels host = Labels.of("__name__", "used", "instance", "a");
        Labels other = Labels.of("__name__", "used", "instance", "b");
        for (int i = 0; i < used.length; i++) {
            store.add(host, new Point(i * MIN, used[i], false));
            store.add(other, new Point(i * MIN, 50, false));
        }
        AlertingRule rule = new AlertingRule("Full", PromqlParser.parse("used > 90"), PromqlParser.parse("used < 80"), 0, 0,
                Map.of(), Map.of(), 0, RuleTemplates.none());
        boolean[] firing = {true, true, true, false, false, true};
        for (int m = 0; m < used.length; m++) {
            rule.evaluate(evaluator, m * MIN);
            List<Alert> active = rule.activeAlerts();
            assertThat(!active.isEmpty() && active.getFirst().state() == AlertState.FIRING).as("minute %d", m).isEqualTo(firing[m]);
            assertThat(active).allSatisfy(a -> assertThat(a.labels().get("instance")).isEqualTo("a"));
        }
    }

    @Test
    void withoutRecoveryTheAlertEndsAsSoonAsTheConditionIsFalse() {
        Labels host = Labels.of("__name__", "used", "instance", "a");
        store.add(host, new Point(0, 95, false));
        store.add(host, new Point(MIN, 85, false));
        AlertingRule rule = new AlertingRule("Full", PromqlParser.parse("used > 90"), 0, 0, Map.of(), Map.of(), 0, RuleTemplates.none());
        rule.evaluate(evaluator, 0);
        assertThat(rule.activeAlerts()).hasSize(1);
        rule.evaluate(evaluator, MIN);
        assertThat(rule.activeAlerts()).isEmpty();
    }

    @Test
    void theThresholdOfAConditionIsItsOutermostComparisonWithANumber() {
        assertThat(ConditionThreshold.of(PromqlParser.parse("100 - avail / size * 100 > 90"))).contains("> 90");
        assertThat(ConditionThreshold.of(PromqlParser.parse("(5 >= up) and on(instance) x"))).contains("<= 5");
        assertThat(ConditionThreshold.of(PromqlParser.parse("rate(x[5m])"))).isEmpty();
    }
}
