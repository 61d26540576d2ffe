package dev.vigil.monitor.ruletest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;

/** A promtool rule-test file after validation. Times are milliseconds relative to the group's start. */
public record RuleTestFile(Path path, List<Path> ruleFiles, long evaluationIntervalMs, List<String> groupEvalOrder,
                           boolean fuzzyCompare, List<TestGroup> groups) {

    public record TestGroup(String name, long startMs, long intervalMs, List<InputSeries> inputSeries,
                            List<AlertTest> alertTests, List<ExprTest> exprTests,
                            Map<String, String> externalLabels, String externalUrl) {
    }

    public record InputSeries(Labels labels, List<Point> points) {
    }

    public record AlertTest(long evalTimeMs, String alertName, List<ExpectedAlert> expected) {
    }

    public record ExpectedAlert(Labels labels, Map<String, String> annotations) {
    }

    public record ExprTest(String source, Expr expr, long evalTimeMs, List<ExpectedSample> expected) {
    }

    public record ExpectedSample(Labels labels, double value) {
    }
}
