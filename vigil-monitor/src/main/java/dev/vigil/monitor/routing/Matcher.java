package dev.vigil.monitor.routing;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager label matcher. A missing label matches like the empty value; regexes are fully anchored
 * ({@code ^(?:re)$}) as in Alertmanager.
 */
public final class Matcher {

    /** The four matcher operators. */
    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final String name;
    private final Type type;
    private final String value;
    private final Pattern pattern;

    private Matcher(String name, Type type, String value, Pattern pattern) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.pattern = pattern;
    }

    /** Builds a matcher; throws IllegalArgumentException for a bad label name or regex. */
    public static Matcher of(String name, Type type, String value) {
        if (!MatcherParser.isLabelName(name)) {
            throw new IllegalArgumentException("invalid label name \"" + name + "\"");
        }
        return create(name, type, value);
    }

    /** For the matcher string syntax, whose names may also contain colons (checked by the parser). */
    static Matcher create(String name, Type type, String value) {
        Pattern pattern = null;
        if (type == Type.REGEX || type == Type.NOT_REGEX) {
            try {
                pattern = Pattern.compile("^(?:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex \"" + value + "\": " + e.getDescription());
            }
        }
        return new Matcher(name, type, value, pattern);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String value() {
        return value;
    }

    /** Whether the label set satisfies this matcher (an absent label counts as ""). */
    public boolean matches(Map<String, String> labels) {
        return matchesValue(labels.getOrDefault(name, ""));
    }

    public boolean matchesValue(String actual) {
        return switch (type) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matcher m && m.name.equals(name) && m.type == type && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type.hashCode()) * 31 + value.hashCode();
    }

    /** The Alertmanager string form, e.g. {@code severity="critical"}. */
    @Override
    public String toString() {
        return name + type.symbol + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
