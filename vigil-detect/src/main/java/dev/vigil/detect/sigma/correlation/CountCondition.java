package dev.vigil.detect.sigma.correlation;

import java.util.Map;

/**
 * The count condition of a correlation ({@code gte: 10}, or a range like {@code gt: 2, lte: 9}). It is checked when an
 * event arrives, so it needs a lower bound ({@code gt}, {@code gte} or {@code eq}): a pure upper bound ("fewer than n")
 * can only be decided when a window closes, which a stream evaluated per event never sees.
 */
record CountCondition(long min, long max) {

    static CountCondition parse(Map<String, String> condition) {
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        boolean lowerBound = false;
        for (Map.Entry<String, String> entry : condition.entrySet()) {
            if ("field".equals(entry.getKey())) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(entry.getValue().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("condition " + entry.getKey() + " needs an integer, got '"
                        + entry.getValue() + "'");
            }
            switch (entry.getKey()) {
                case "gt" -> { min = Math.max(min, value + 1); lowerBound = true; }
                case "gte" -> { min = Math.max(min, value); lowerBound = true; }
                case "eq" -> { min = Math.max(min, value); max = Math.min(max, value); lowerBound = true; }
                case "lt" -> max = Math.min(max, value - 1);
                case "lte" -> max = Math.min(max, value);
                default -> throw new IllegalArgumentException("condition operator '" + entry.getKey()
                        + "' cannot be evaluated on a stream");
            }
        }
        if (!lowerBound) {
            throw new IllegalArgumentException("a condition without gt, gte or eq can only be decided when a window "
                    + "closes, which this streaming engine does not do");
        }
        return new CountCondition(min, max);
    }

    /** Like {@code gte 3} or {@code gte 3 and lte 9}. */
    String describe() {
        if (min == max) {
            return "eq " + min;
        }
        String lower = min == Long.MIN_VALUE ? "" : "gte " + min;
        String upper = max == Long.MAX_VALUE ? "" : "lte " + max;
        return lower.isEmpty() || upper.isEmpty() ? lower + upper : lower + " and " + upper;
    }

    boolean holds(long count) {
        return count >= min && count <= max;
    }
}
