package dev.vigil.monitor.promql.ast;

import java.util.regex.Pattern;

/** A label matcher; regex matchers are fully anchored as in Prometheus. */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {

    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        public final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }
    }

    public static LabelMatcher of(String name, Type type, String value) {
        Pattern pattern = type == Type.REGEX || type == Type.NOT_REGEX ? Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL) : null;
        return new LabelMatcher(name, type, value, pattern);
    }

    /** Whether a label value ("" when absent) satisfies this matcher. */
    public boolean matches(String actual) {
        return switch (type) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** Whether the matcher accepts the empty value (such a matcher cannot select series on its own). */
    public boolean matchesEmpty() {
        return matches("");
    }
}
