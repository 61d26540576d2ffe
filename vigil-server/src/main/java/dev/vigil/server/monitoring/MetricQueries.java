package dev.vigil.server.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.vigil.monitor.promql.eval.EvaluationException;
import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.Value;
import dev.vigil.monitor.promql.parse.ParseException;
import dev.vigil.monitor.promql.parse.PromqlParser;
import dev.vigil.server.monitoring.internal.MetricStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;

/** Queries of the metric store for the API and charts; bad expressions are 400s naming the problem. */
@Service
public class MetricQueries {

    private static final long DEFAULT_STEP_MS = 15_000;
    /** As Prometheus: a range query has at most this many steps. */
    static final int MAX_STEPS = 11_000;
    static final int MAX_SERIES = 500;

    private final MetricStore store;
    private final Clock clock;

    MetricQueries(MetricStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<MetricSample> instant(String query, Instant time) {
        requireQuery(query);
        long at = (time == null ? clock.instant() : time).toEpochMilli();
        try {
            var expr = PromqlParser.parse(query);
            Value value = store.read(series -> new Evaluator(series, DEFAULT_STEP_MS).evaluate(expr, at));
            return switch (value) {
                case Value.Scalar s -> List.of(new MetricSample(java.util.Map.of(), s.value(), at));
                case Value.InstantVector v -> v.samples().stream()
                        .map(s -> new MetricSample(s.labels().asMap(), s.value(), s.timestampMs())).toList();
                default -> throw ProblemException.badRequest("invalid-query", "the expression must yield a scalar or an instant vector");
            };
        } catch (ParseException | EvaluationException e) {
            throw ProblemException.badRequest("invalid-query", e.getMessage());
        }
    }

    /**
     * The expression evaluated at every step from start to end (inclusive), as Prometheus's range queries: one series per
     * label set. 400 for a bad expression, range or step, more than {@value #MAX_STEPS} steps or {@value #MAX_SERIES} series.
     */
    public List<MetricSeries> range(String query, Instant start, Instant end, java.time.Duration step) {
        requireQuery(query);
        if (start == null || end == null || step == null) {
            throw ProblemException.badRequest("invalid-query", "a range query needs start, end and step");
        }
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-query", "end must not be before start");
        }
        if (step.toMillis() < 1000) {
            throw ProblemException.badRequest("invalid-query", "step must be at least 1s");
        }
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        long stepMs = step.toMillis();
        if ((to - from) / stepMs + 1 > MAX_STEPS) {
            throw ProblemException.badRequest("invalid-query", "more than " + MAX_STEPS + " steps: choose a larger step or a shorter range");
        }
        try {
            var expr = PromqlParser.parse(query);
            java.util.Map<java.util.Map<String, String>, List<MetricSeries.Point>> series = new java.util.LinkedHashMap<>();
            store.read(stored -> {
                Evaluator evaluator = new Evaluator(stored, stepMs);
                for (long at = from; at <= to; at += stepMs) {
                    Value value = evaluator.evaluate(expr, at);
                    switch (value) {
                        case Value.Scalar s -> add(series, java.util.Map.of(), at, s.value());
                        case Value.InstantVector v -> {
                            for (var sample : v.samples()) {
                                add(series, sample.labels().asMap(), at, sample.value());
                            }
                        }
                        default -> throw ProblemException.badRequest("invalid-query",
                                "the expression must yield a scalar or an instant vector");
                    }
                }
                return null;
            });
            return series.entrySet().stream().map(e -> new MetricSeries(e.getKey(), List.copyOf(e.getValue()))).toList();
        } catch (ParseException | EvaluationException e) {
            throw ProblemException.badRequest("invalid-query", e.getMessage());
        }
    }

    private static void add(java.util.Map<java.util.Map<String, String>, List<MetricSeries.Point>> series, java.util.Map<String, String> labels,
            long at, double value) {
        List<MetricSeries.Point> points = series.get(labels);
        if (points == null) {
            if (series.size() >= MAX_SERIES) {
                throw ProblemException.badRequest("invalid-query", "more than " + MAX_SERIES + " series: narrow the selector or aggregate");
            }
            points = new java.util.ArrayList<>();
            series.put(labels, points);
        }
        points.add(new MetricSeries.Point(at, value));
    }

    /** A step as a duration ({@code 15s}, {@code 1m}) or a number of seconds, as Prometheus accepts; 400 otherwise. */
    public static java.time.Duration step(String text) {
        try {
            if (text.matches("\\d+(\\.\\d+)?")) {
                return java.time.Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
            }
            return java.time.Duration.ofMillis(dev.vigil.monitor.promql.parse.Durations.parse(text));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-query", "step '" + text + "' is not a duration such as 15s or 1m");
        }
    }

    private static void requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw ProblemException.badRequest("invalid-query", "give an expression (parameter 'query')");
        }
    }
}
