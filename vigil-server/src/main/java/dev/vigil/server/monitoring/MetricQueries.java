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

    private final MetricStore store;
    private final Clock clock;

    MetricQueries(MetricStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<MetricSample> instant(String query, Instant time) {
        if (query == null || query.isBlank()) {
            throw ProblemException.badRequest("invalid-query", "give an expression (parameter 'query')");
        }
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
}
