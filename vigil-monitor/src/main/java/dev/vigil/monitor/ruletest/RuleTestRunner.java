package dev.vigil.monitor.ruletest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.vigil.monitor.gocompat.GoFloat;
import dev.vigil.monitor.promql.eval.EvaluationException;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.model.Value;
import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.monitor.rules.Alert;
import dev.vigil.monitor.rules.AlertState;
import dev.vigil.monitor.rules.AlertingRule;
import dev.vigil.monitor.rules.Rule;
import dev.vigil.monitor.rules.RuleFileLoader;
import dev.vigil.monitor.rules.RuleGroup;
import dev.vigil.monitor.rules.RuleTemplates;
import dev.vigil.monitor.ruletest.RuleTestFile.AlertTest;
import dev.vigil.monitor.ruletest.RuleTestFile.ExpectedAlert;
import dev.vigil.monitor.ruletest.RuleTestFile.ExpectedSample;
import dev.vigil.monitor.ruletest.RuleTestFile.ExprTest;
import dev.vigil.monitor.ruletest.RuleTestFile.InputSeries;
import dev.vigil.monitor.ruletest.RuleTestFile.TestGroup;
import dev.vigil.monitor.yaml.YamlException;

/**
 * Runs a rule-test file as promtool does: every group is evaluated at 0, interval, 2·interval, … up to the latest
 * eval_time; an alert test at time t looks at the evaluation at or just before t and lists only firing alerts.
 */
public final class RuleTestRunner {

    private static final double FUZZY_EPSILON = 1e-6;

    private RuleTestRunner() {
    }

    /** Runs every test group; rule-file problems are thrown as {@link YamlException} (the file is invalid). */
    public static List<TestGroupResult> run(RuleTestFile file) {
        return run(file, InMemorySeriesStore::new);
    }

    /** Like {@link #run(RuleTestFile)}, each test group on a new store from {@code stores}. */
    public static List<TestGroupResult> run(RuleTestFile file, Supplier<SeriesStore> stores) {
        // Load once up front so that an invalid rule file is reported as such, not as a failing test.
        loadGroups(file, RuleTemplates.none());
        List<TestGroupResult> results = new ArrayList<>();
        for (int i = 0; i < file.groups().size(); i++) {
            TestGroup group = file.groups().get(i);
            String name = group.name().isEmpty() ? file.path().getFileName() + " test group #" + (i + 1) : group.name();
            results.add(new TestGroupResult(name, runGroup(file, group, stores.get())));
        }
        return results;
    }

    private static List<RuleGroup> loadGroups(RuleTestFile file, RuleTemplates templates) {
        RuleFileLoader loader = new RuleFileLoader(file.evaluationIntervalMs(), templates);
        List<RuleGroup> groups = new ArrayList<>();
        for (Path ruleFile : file.ruleFiles()) {
            groups.addAll(loader.load(ruleFile));
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < file.groupEvalOrder().size(); i++) {
            order.put(file.groupEvalOrder().get(i), i);
        }
        for (String listed : file.groupEvalOrder()) {
            if (groups.stream().noneMatch(g -> g.name().equals(listed))) {
                throw new YamlException(file.path() + ": group_eval_order names group \"" + listed + "\" that is not in the rule files");
            }
        }
        // Groups not listed keep file order and run first, like promtool's sort on a missing (zero) index.
        groups.sort(Comparator.comparingInt(g -> order.getOrDefault(g.name(), 0)));
        return groups;
    }

    /**
     * The engine's view of one test group: evaluation errors, the firing alerts seen by each alert test's eval_time,
     * and an evaluator over the final storage for expression tests.
     */
    public record Simulation(List<String> errors, Map<Long, Map<String, List<FiringAlert>>> firing, Evaluator evaluator) {
    }

    /** A firing alert as it was at one evaluation (alerts themselves keep changing afterwards). */
    public record FiringAlert(Labels labels, Map<String, String> annotations) {
    }

    public static Simulation simulate(RuleTestFile file, TestGroup test) {
        return simulate(file, test, new InMemorySeriesStore());
    }

    /** Simulates one test group with {@code store} (empty) as the storage. */
    public static Simulation simulate(RuleTestFile file, TestGroup test, SeriesStore store) {
        List<RuleGroup> groups = loadGroups(file, new RuleTemplates(test.externalLabels(), test.externalUrl()));
        for (InputSeries series : test.inputSeries()) {
            for (Point p : series.points()) {
                store.add(series.labels(), p);
            }
        }
        long interval = file.evaluationIntervalMs();
        Evaluator evaluator = new Evaluator(store, interval);
        long maxEval = 0;
        TreeSet<Long> alertTimes = new TreeSet<>();
        for (AlertTest a : test.alertTests()) {
            maxEval = Math.max(maxEval, a.evalTimeMs());
            alertTimes.add(a.evalTimeMs());
        }
        for (ExprTest e : test.exprTests()) {
            maxEval = Math.max(maxEval, e.evalTimeMs());
        }
        List<String> errors = new ArrayList<>();
        Map<Long, Map<String, List<FiringAlert>>> firing = new HashMap<>();
        for (long ts = 0; ts <= maxEval; ts += interval) {
            for (RuleGroup group : groups) {
                for (String error : group.evaluate(store, evaluator, test.startMs() + ts)) {
                    errors.add("rule evaluation at " + Durations.format(ts) + ": " + error);
                }
            }
            if (!errors.isEmpty()) {
                break;
            }
            for (long t : alertTimes.subSet(ts, true, ts + interval, false)) {
                firing.put(t, firingAlerts(groups));
            }
        }
        return new Simulation(errors, firing, evaluator);
    }

    private static List<String> runGroup(RuleTestFile file, TestGroup test, SeriesStore store) {
        Simulation simulation = simulate(file, test, store);
        if (!simulation.errors().isEmpty()) {
            return simulation.errors();
        }
        List<String> failures = new ArrayList<>();
        for (AlertTest a : test.alertTests()) {
            List<FiringAlert> got = simulation.firing().getOrDefault(a.evalTimeMs(), Map.of()).getOrDefault(a.alertName(), List.of());
            List<String> gotText = got.stream().map(x -> describe(x.labels(), x.annotations())).sorted().toList();
            List<String> expText = a.expected().stream().map(RuleTestRunner::describe).sorted().toList();
            if (!gotText.equals(expText)) {
                failures.add("alertname " + a.alertName() + " at " + Durations.format(a.evalTimeMs())
                        + ": expected " + expText + ", got " + gotText);
            }
        }
        for (ExprTest e : test.exprTests()) {
            String problem = checkExpression(file, simulation.evaluator(), test, e);
            if (problem != null) {
                failures.add(problem);
            }
        }
        return failures;
    }

    private static Map<String, List<FiringAlert>> firingAlerts(List<RuleGroup> groups) {
        Map<String, List<FiringAlert>> out = new LinkedHashMap<>();
        for (RuleGroup group : groups) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    for (Alert alert : alerting.activeAlerts()) {
                        if (alert.state() == AlertState.FIRING) {
                            out.computeIfAbsent(alerting.name(), k -> new ArrayList<>())
                                    .add(new FiringAlert(alert.labels(), Map.copyOf(alert.annotations())));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String checkExpression(RuleTestFile file, Evaluator evaluator, TestGroup test, ExprTest e) {
        String where = "expr " + e.source().strip() + " at " + Durations.format(e.evalTimeMs());
        List<Sample> got;
        try {
            Value v = evaluator.evaluate(e.expr(), test.startMs() + e.evalTimeMs());
            got = switch (v) {
                case Value.Scalar s -> List.of(new Sample(Labels.EMPTY, s.value(), 0));
                case Value.InstantVector iv -> iv.samples();
                default -> null;
            };
            if (got == null) {
                return where + ": error: expression result is not a vector or scalar";
            }
        } catch (EvaluationException ex) {
            return where + ": error: " + ex.getMessage();
        }
        List<ExpectedSample> exp = new ArrayList<>(e.expected());
        exp.sort(Comparator.comparing(ExpectedSample::labels));
        List<Sample> sorted = new ArrayList<>(got);
        sorted.sort(Comparator.comparing(Sample::labels));
        boolean same = exp.size() == sorted.size();
        for (int i = 0; same && i < exp.size(); i++) {
            same = exp.get(i).labels().equals(sorted.get(i).labels())
                    && sameValue(exp.get(i).value(), sorted.get(i).value(), file.fuzzyCompare());
        }
        if (same) {
            return null;
        }
        return where + ": expected " + exp.stream().map(s -> s.labels() + " " + GoFloat.formatShortest(s.value())).toList()
                + ", got " + sorted.stream().map(s -> s.labels() + " " + GoFloat.formatShortest(s.value())).toList();
    }

    private static boolean sameValue(double expected, double got, boolean fuzzy) {
        if (Double.isNaN(expected) || Double.isNaN(got)) {
            return Double.isNaN(expected) && Double.isNaN(got);
        }
        if (expected == got) {
            return true;
        }
        return fuzzy && Math.abs(expected - got) <= FUZZY_EPSILON * Math.max(Math.abs(expected), Math.abs(got));
    }

    private static String describe(ExpectedAlert a) {
        return describe(a.labels(), a.annotations());
    }

    private static String describe(Labels labels, Map<String, String> annotations) {
        Map<String, String> nonEmpty = new TreeMap<>();
        annotations.forEach((k, v) -> {
            if (!v.isEmpty()) {
                nonEmpty.put(k, v);
            }
        });
        return "labels " + labels + " annotations " + Labels.of(nonEmpty);
    }
}
