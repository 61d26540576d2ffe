package dev.vigil.detect.sigma.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The condition of a value_sum, value_avg or value_percentile correlation: one or more of gt, gte, lt, lte, eq, neq on a
 * decimal threshold, all of which must hold. Unlike a count, a sum of signed values, an average or a percentile can fall
 * as well as rise when an event arrives, so every operator is decided on the window that ends at each event.
 */
record ValueCondition(Map<String, Double> bounds) {

    private static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte", "eq", "neq");

    ValueCondition {
        bounds = Map.copyOf(bounds);
    }

    static ValueCondition parse(Map<String, String> condition) {
        Map<String, Double> bounds = new TreeMap<>();
        for (Map.Entry<String, String> entry : condition.entrySet()) {
            if ("field".equals(entry.getKey()) || "percentile".equals(entry.getKey())) {
                continue;
            }
            if (!OPERATORS.contains(entry.getKey())) {
                throw new IllegalArgumentException("condition operator '" + entry.getKey() + "' is not one of " + OPERATORS);
            }
            Double threshold = NumericValues.parse(entry.getValue());
            if (threshold == null) {
                throw new IllegalArgumentException("condition " + entry.getKey() + " needs a number, got '"
                        + entry.getValue() + "'");
            }
            bounds.put(entry.getKey(), threshold);
        }
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("condition needs one of " + OPERATORS);
        }
        return new ValueCondition(bounds);
    }

    boolean holds(double value) {
        for (Map.Entry<String, Double> bound : bounds.entrySet()) {
            double threshold = bound.getValue();
            boolean holds = switch (bound.getKey()) {
                case "gt" -> value > threshold;
                case "gte" -> value >= threshold;
                case "lt" -> value < threshold;
                case "lte" -> value <= threshold;
                case "eq" -> value == threshold;
                default -> value != threshold;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Like {@code gt 1000000 and lte 5000000}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(bounds).forEach((operator, threshold) -> parts.add(operator + " " + NumericValues.format(threshold)));
        return String.join(" and ", parts);
    }
}
