package dev.vigil.monitor.ruletest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.monitor.promql.ast.Expr;
import dev.vigil.monitor.promql.ast.LabelMatcher;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.monitor.promql.parse.ParseException;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.monitor.ruletest.RuleTestFile.AlertTest;
import dev.vigil.monitor.ruletest.RuleTestFile.ExpectedAlert;
import dev.vigil.monitor.ruletest.RuleTestFile.ExpectedSample;
import dev.vigil.monitor.ruletest.RuleTestFile.ExprTest;
import dev.vigil.monitor.ruletest.RuleTestFile.InputSeries;
import dev.vigil.monitor.ruletest.RuleTestFile.TestGroup;
import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.monitor.yaml.YamlTree;
import dev.vigil.monitor.yaml.YamlTree.Located;

/** Reads and validates a promtool rule-test file; every problem is a {@link YamlException} with file and line. */
public final class RuleTestFileLoader {

    private static final Set<String> FILE_KEYS = Set.of("rule_files", "evaluation_interval", "group_eval_order",
            "fuzzy_compare", "tests");
    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "input_series", "alert_rule_test",
            "promql_expr_test", "external_labels", "external_url", "start_timestamp");
    private static final long DEFAULT_EVALUATION_INTERVAL_MS = 60_000;

    private RuleTestFileLoader() {
    }

    public static RuleTestFile load(Path path) {
        Located root = YamlTree.read(path);
        if (root == null) {
            throw new YamlException(path + ": empty test file");
        }
        Map<String, Located> top = root.map(FILE_KEYS);
        Path base = path.toAbsolutePath().getParent();
        List<Path> ruleFiles = new ArrayList<>();
        if (top.containsKey("rule_files")) {
            for (Located f : top.get("rule_files").list()) {
                ruleFiles.add(base.resolve(f.string()).normalize());
            }
        }
        long evaluationInterval = top.containsKey("evaluation_interval")
                ? positiveDuration(top.get("evaluation_interval"), "evaluation_interval") : DEFAULT_EVALUATION_INTERVAL_MS;
        List<String> order = new ArrayList<>();
        if (top.containsKey("group_eval_order")) {
            for (Located g : top.get("group_eval_order").list()) {
                order.add(g.string());
            }
        }
        boolean fuzzy = top.containsKey("fuzzy_compare") && bool(top.get("fuzzy_compare"));
        List<TestGroup> groups = new ArrayList<>();
        List<Located> tests = top.containsKey("tests") ? top.get("tests").list() : List.of();
        for (int i = 0; i < tests.size(); i++) {
            groups.add(group(tests.get(i), i, evaluationInterval));
        }
        return new RuleTestFile(path, List.copyOf(ruleFiles), evaluationInterval, List.copyOf(order), fuzzy, List.copyOf(groups));
    }

    private static TestGroup group(Located node, int index, long evaluationInterval) {
        Map<String, Located> g = node.map(GROUP_KEYS);
        String name = g.containsKey("name") && !g.get("name").isNull() ? g.get("name").string() : "";
        long interval = g.containsKey("interval") ? positiveDuration(g.get("interval"), "interval") : evaluationInterval;
        long start = g.containsKey("start_timestamp") ? timestamp(g.get("start_timestamp")) : 0;
        List<InputSeries> series = new ArrayList<>();
        for (Located s : list(g, "input_series")) {
            Map<String, Located> m = s.map(Set.of("series", "values"));
            if (!m.containsKey("series")) {
                throw s.error("input_series entry needs 'series'");
            }
            Labels labels = seriesLabels(m.get("series"));
            String values = m.containsKey("values") && !m.get("values").isNull() ? m.get("values").string() : "";
            try {
                series.add(new InputSeries(labels, SeriesNotation.expand(values, start, interval)));
            } catch (IllegalArgumentException e) {
                throw m.get("values").error(e.getMessage());
            }
        }
        List<AlertTest> alertTests = new ArrayList<>();
        for (Located a : list(g, "alert_rule_test")) {
            Map<String, Located> m = a.map(Set.of("eval_time", "alertname", "exp_alerts"));
            long evalTime = m.containsKey("eval_time") ? duration(m.get("eval_time"), "eval_time") : 0;
            if (!m.containsKey("alertname")) {
                throw a.error("alert_rule_test entry needs 'alertname'");
            }
            String alertName = m.get("alertname").string();
            List<ExpectedAlert> expected = new ArrayList<>();
            for (Located e : list(m, "exp_alerts")) {
                Map<String, Located> em = e.map(Set.of("exp_labels", "exp_annotations"));
                Map<String, String> labels = new LinkedHashMap<>(em.containsKey("exp_labels") ? em.get("exp_labels").stringMap() : Map.of());
                labels.put("alertname", alertName);
                Map<String, String> annotations = em.containsKey("exp_annotations") ? em.get("exp_annotations").stringMap() : Map.of();
                expected.add(new ExpectedAlert(Labels.of(labels), Map.copyOf(annotations)));
            }
            alertTests.add(new AlertTest(evalTime, alertName, List.copyOf(expected)));
        }
        List<ExprTest> exprTests = new ArrayList<>();
        for (Located t : list(g, "promql_expr_test")) {
            Map<String, Located> m = t.map(Set.of("expr", "eval_time", "exp_samples"));
            if (!m.containsKey("expr")) {
                throw t.error("promql_expr_test entry needs 'expr'");
            }
            String source = m.get("expr").string();
            Expr expr;
            try {
                expr = PromqlParser.parse(source);
            } catch (ParseException e) {
                throw m.get("expr").error("expr: " + e.getMessage());
            }
            long evalTime = m.containsKey("eval_time") ? duration(m.get("eval_time"), "eval_time") : 0;
            List<ExpectedSample> expected = new ArrayList<>();
            for (Located s : list(m, "exp_samples")) {
                Map<String, Located> sm = s.map(Set.of("labels", "value", "histogram"));
                if (sm.containsKey("histogram")) {
                    throw sm.get("histogram").error("native histogram samples are not supported");
                }
                Labels labels = sm.containsKey("labels") && !sm.get("labels").isNull() && !sm.get("labels").string().isBlank()
                        ? seriesLabels(sm.get("labels")) : Labels.EMPTY;
                double value = sm.containsKey("value") ? number(sm.get("value")) : 0;
                expected.add(new ExpectedSample(labels, value));
            }
            exprTests.add(new ExprTest(source, expr, evalTime, List.copyOf(expected)));
        }
        Map<String, String> externalLabels = g.containsKey("external_labels") ? g.get("external_labels").stringMap() : Map.of();
        String externalUrl = g.containsKey("external_url") && !g.get("external_url").isNull() ? g.get("external_url").string() : "";
        return new TestGroup(name, start, interval, List.copyOf(series), List.copyOf(alertTests), List.copyOf(exprTests),
                Map.copyOf(externalLabels), externalUrl);
    }

    private static List<Located> list(Map<String, Located> m, String key) {
        return m.containsKey(key) ? m.get(key).list() : List.of();
    }

    /** A series description: {@code name{a="b"}}, {@code {a="b"}} or {@code name}; only equality matchers. */
    private static Labels seriesLabels(Located node) {
        String text = node.string();
        Expr.VectorSelector selector;
        try {
            selector = parseLabelSet(text);
        } catch (ParseException e) {
            throw node.error("series \"" + text + "\": " + e.getMessage());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (LabelMatcher m : selector.matchers()) {
            if (m.type() != LabelMatcher.Type.EQUAL) {
                throw node.error("series \"" + text + "\": only '=' is allowed in a series description");
            }
            labels.put(m.name(), m.value());
        }
        return Labels.of(labels);
    }

    private static Expr.VectorSelector parseLabelSet(String text) {
        // "{}" is a valid (empty) label set here, unlike in a query.
        if (text.replaceAll("\\s", "").equals("{}")) {
            return new Expr.VectorSelector(null, List.of(), 0);
        }
        return PromqlParser.parseSelector(text);
    }

    private static long duration(Located node, String what) {
        try {
            return Durations.parse(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(what + ": " + e.getMessage());
        }
    }

    private static long positiveDuration(Located node, String what) {
        long ms = duration(node, what);
        if (ms <= 0) {
            throw node.error(what + " must be positive");
        }
        return ms;
    }

    private static long timestamp(Located node) {
        String text = node.string();
        try {
            return Math.round(Double.parseDouble(text) * 1000);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw node.error("start_timestamp: expected Unix seconds or RFC 3339, got \"" + text + "\"");
            }
        }
    }

    private static double number(Located node) {
        String text = node.string().trim();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        try {
            return switch (lower) {
                case "inf", "+inf", ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-inf", "-.inf" -> Double.NEGATIVE_INFINITY;
                case "nan", ".nan" -> Double.NaN;
                default -> {
                    if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                        throw new NumberFormatException(text);
                    }
                    yield Double.parseDouble(text);
                }
            };
        } catch (NumberFormatException e) {
            throw node.error("expected a number, got \"" + text + "\"");
        }
    }

    private static boolean bool(Located node) {
        return switch (node.string()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw node.error("expected true or false");
        };
    }
}
