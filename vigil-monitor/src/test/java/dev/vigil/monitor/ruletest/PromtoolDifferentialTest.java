package dev.vigil.monitor.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.tsdb.TimeSeriesDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Sample;
import dev.vigil.monitor.promql.model.Value;
import dev.vigil.monitor.ruletest.RuleTestFile.TestGroup;

/**
 * Differential test against Debian's promtool 2.42: random series and expressions are evaluated by Vigil, written as
 * a promtool test file with Vigil's results as the expectations, and promtool must agree with every one of them.
 */
class PromtoolDifferentialTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Fixed for reproducible builds; override with -Dvigil.differential.seed=N to explore other cases. */
    private static final long SEED = Long.getLong("vigil.differential.seed", 20261129L);
    private static final int GROUPS = 40;

    private static final String RULES = """
            groups:
              - name: generated
                rules:
                  - record: job:m:sum
                    expr: sum by (job) (m)
                  - alert: HighM
                    expr: m > 5
                    for: 2m
                    labels: {severity: warning}
                    annotations: {summary: '{{ $labels.inst }} at {{ $value }} ({{ humanize $value }})'}
                  - alert: CounterFast
                    expr: rate(c_total[3m]) > 0.05
                    annotations: {description: '{{ printf "%.3f" $value }} {{ $value | humanizePercentage }}'}
                  - alert: Sticky
                    expr: job:m:sum > 8
                    for: 1m
                    keep_firing_for: 2m
                    labels: {team: '{{ $labels.job }}'}
            """;

    /**
     * Expressions to compare. Left out: stddev/stdvar over more than two series, whose last bits depend on the
     * summation order, and promtool 2.42 loads series in Go map order (non-deterministic).
     */
    private static final String[] EXPRESSIONS = {
        "m", "m > 4", "m < bool 3", "-m", "abs(m - 4)", "m * 2 + 1", "m offset 2m", "timestamp(m)",
        "rate(c_total[3m])", "increase(c_total[5m])", "irate(c_total[5m])", "delta(m[4m])", "idelta(m[4m])",
        "deriv(m[5m])", "predict_linear(m[5m], 3600)", "avg_over_time(m[5m])", "min_over_time(m[3m])",
        "max_over_time(m[6m])", "sum_over_time(m[4m])", "count_over_time(m[5m])", "last_over_time(m[3m])",
        "changes(m[6m])", "resets(c_total[10m])", "sum by (job) (m)", "avg by (job) (m)", "max without (inst) (m)",
        "count(m)", "topk(1, m)", "bottomk(2, m)", "quantile(0.5, m)", "stddev by (job) (m)",
        "m and on(inst) c_total > 5", "m unless m > 5", "m or c_total", "sum by (job) (rate(c_total[5m]))",
        "label_replace(m, \"x\", \"i-$1\", \"inst\", \"(.*)\")", "absent(nonexistent{job=\"z\"})",
        "clamp_max(m, 5)", "clamp_min(m, 2)", "round(m / 3)", "max_over_time(m[5m:1m])",
        "count_over_time(m[3m] offset 1m)", "vector(time())", "absent_over_time(m[2m])", "job:m:sum",
        "m / on(job, inst) (c_total + 1)", "m * on(job) group_left() job:m:sum", "count(ALERTS) by (alertname, alertstate)",
        "sum without (inst) (m) > bool 6", "scalar(count(m)) * 2", "avg_over_time(job:m:sum[5m])",
        "histogram_quantile(0.9, rate(h_bucket[5m]))", "histogram_quantile(0.5, h_bucket)",
        "label_join(m, \"jl\", \"-\", \"job\", \"inst\")", "hour(m)", "day_of_week()",
    };

    @TempDir
    Path dir;

    /** The storage of Vigil's side of the comparison: a new store per simulated group. */
    private Supplier<SeriesStore> stores = InMemorySeriesStore::new;

    @Test
    void promtoolAgreesWithVigilOnGeneratedCases() throws IOException, InterruptedException {
        compareWithPromtool();
    }

    @Test
    void promtoolAgreesWithVigilOnTheOnDiskStore() throws IOException, InterruptedException {
        List<TimeSeriesDb> opened = new ArrayList<>();
        stores = () -> {
            try {
                TimeSeriesDb db = TimeSeriesDb.open(dir.resolve("db-" + opened.size()), TimeSeriesDb.Options.defaults());
                opened.add(db);
                return db;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            compareWithPromtool();
        } finally {
            for (TimeSeriesDb db : opened) {
                db.close();
            }
        }
        assertThat(opened).isNotEmpty();
    }

    private void compareWithPromtool() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "skipped: /usr/bin/promtool is absent (install Debian package 'prometheus' to run the differential test)");
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Random random = new Random(SEED);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yml"));
        file.put("evaluation_interval", "1m");
        List<Object> groups = new ArrayList<>();
        int expectations = 0;
        for (int g = 0; g < GROUPS; g++) {
            Map<String, Object> group = generateGroup(random, g);
            expectations += fillExpectations(group);
            groups.add(group);
        }
        file.put("tests", groups);
        Path testFile = dir.resolve("generated.test.yml");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Files.writeString(testFile, new Yaml(options).dump(file));
        assertThat(expectations).isGreaterThan(GROUPS * 5);

        Process process = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", testFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool disagrees with Vigil (seed %d):%n%s", SEED, output).isZero();
    }

    private static Map<String, Object> generateGroup(Random random, int index) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "case-" + index);
        group.put("interval", "1m");
        List<Object> series = new ArrayList<>();
        for (String job : List.of("a", "b")) {
            for (String inst : List.of("1", "2")) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                series.add(Map.of("series", "m{job=\"" + job + "\",inst=\"" + inst + "\"}", "values", gauge(random)));
                series.add(Map.of("series", "c_total{job=\"" + job + "\",inst=\"" + inst + "\"}", "values", counter(random)));
            }
        }
        for (String le : List.of("0.1", "1", "+Inf")) {
            series.add(Map.of("series", "h_bucket{job=\"a\",le=\"" + le + "\"}", "values", counter(random)));
        }
        group.put("input_series", series);
        List<Object> exprTests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("expr", EXPRESSIONS[random.nextInt(EXPRESSIONS.length)]);
            t.put("eval_time", (random.nextInt(25) * 60 + (random.nextInt(4) == 0 ? random.nextInt(60) : 0)) + "s");
            exprTests.add(t);
        }
        group.put("promql_expr_test", exprTests);
        List<Object> alertTests = new ArrayList<>();
        for (String alert : List.of("HighM", "CounterFast", "Sticky")) {
            for (int i = 0; i < 2; i++) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("eval_time", (random.nextInt(25) * 60) + "s");
                t.put("alertname", alert);
                alertTests.add(t);
            }
        }
        group.put("alert_rule_test", alertTests);
        return group;
    }

    private static String gauge(Random random) {
        StringBuilder out = new StringBuilder();
        int slots = 0;
        while (slots < 26) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                out.append("_ ");
                slots++;
            } else if (kind == 1) {
                out.append("stale ");
                slots++;
            } else {
                int n = 1 + random.nextInt(6);
                int delta = random.nextInt(5) - 2;
                out.append(random.nextInt(10)).append(delta >= 0 ? "+" : "").append(delta).append('x').append(n).append(' ');
                slots += n + 1;
            }
        }
        return out.toString().trim();
    }

    private static String counter(Random random) {
        StringBuilder out = new StringBuilder();
        int slots = 0;
        int start = random.nextInt(20);
        while (slots < 26) {
            int n = 2 + random.nextInt(8);
            int delta = random.nextInt(30);
            out.append(start).append('+').append(delta).append('x').append(n).append(' ');
            slots += n + 1;
            start = random.nextInt(4) == 0 ? random.nextInt(5) : start + delta * n + random.nextInt(5);
        }
        return out.toString().trim();
    }

    private static boolean hasTies(RuleTestRunner.Simulation simulation, long evalMs) {
        List<Sample> m = ((Value.InstantVector) simulation.evaluator().evaluate(
                dev.vigil.monitor.promql.parse.PromqlParser.parse("m"), evalMs)).samples();
        return m.stream().map(Sample::value).distinct().count() < m.size();
    }

    /** Runs Vigil on the group and writes its results as the expectations; returns how many were written. */
    @SuppressWarnings("unchecked")
    private int fillExpectations(Map<String, Object> group) throws IOException {
        Path probe = dir.resolve("probe.test.yml");
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yml"));
        file.put("tests", List.of(group));
        Files.writeString(probe, new Yaml().dump(file));
        RuleTestFile parsed = RuleTestFileLoader.load(probe);
        TestGroup test = parsed.groups().getFirst();
        RuleTestRunner.Simulation simulation = RuleTestRunner.simulate(parsed, test, stores.get());
        assertThat(simulation.errors()).isEmpty();
        int count = 0;
        List<Map<String, Object>> exprTests = (List<Map<String, Object>>) group.get("promql_expr_test");
        List<Map<String, Object>> kept = new ArrayList<>();
        for (int i = 0; i < exprTests.size(); i++) {
            Map<String, Object> t = exprTests.get(i);
            Value v = simulation.evaluator().evaluate(test.exprTests().get(i).expr(), test.exprTests().get(i).evalTimeMs());
            List<Sample> samples = v instanceof Value.Scalar s ? List.of(new Sample(Labels.EMPTY, s.value(), 0))
                    : ((Value.InstantVector) v).samples();
            if (samples.stream().anyMatch(s -> !Double.isFinite(s.value()))) {
                continue; // NaN never equals itself in promtool 2.42's comparison.
            }
            if (t.get("expr").toString().matches("(topk|bottomk).*") && hasTies(simulation, test.exprTests().get(i).evalTimeMs())) {
                continue; // promtool loads series in map order, so which of two equal values wins is arbitrary.
            }
            List<Object> exp = new ArrayList<>();
            for (Sample s : samples) {
                exp.add(Map.of("labels", s.labels().toString(), "value", s.value()));
                count++;
            }
            t.put("exp_samples", exp);
            kept.add(t);
        }
        group.put("promql_expr_test", kept);
        for (Map<String, Object> t : (List<Map<String, Object>>) group.get("alert_rule_test")) {
            long evalMs = Long.parseLong(((String) t.get("eval_time")).replace("s", "")) * 1000;
            List<RuleTestRunner.FiringAlert> alerts = simulation.firing().getOrDefault(evalMs, Map.of()).getOrDefault((String) t.get("alertname"), List.of());
            List<Object> exp = new ArrayList<>();
            for (RuleTestRunner.FiringAlert a : alerts) {
                Map<String, String> labels = new LinkedHashMap<>(a.labels().asMap());
                labels.remove("alertname");
                exp.add(Map.of("exp_labels", labels, "exp_annotations", a.annotations()));
                count++;
            }
            t.put("exp_alerts", exp);
            count++;
        }
        return count;
    }
}
