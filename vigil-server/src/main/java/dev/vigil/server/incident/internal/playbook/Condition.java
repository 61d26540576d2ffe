package dev.vigil.server.incident.internal.playbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code when}: comparisons joined by {@code and}, e.g. {@code steps.find_logins.count > 0 and incident.level <= 2}.
 * The left side is a {@link RunContext} path, the right a number or a (quoted or bare) word; {@code == !=} compare
 * text, {@code > >= < <=} numbers. A path without value (a skipped step, an ungraded incident) makes the comparison false.
 */
public record Condition(String source, List<Comparison> comparisons) {

    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([a-z_][a-z0-9_.\\-]*)\\s*(==|!=|>=|<=|>|<)\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"']+)\\s*");

    public record Comparison(String path, String operator, String literal) {

        boolean holds(Object value) {
            if (value == null) {
                return false;
            }
            return switch (operator) {
                case "==" -> compareText(value, literal) == 0;
                case "!=" -> compareText(value, literal) != 0;
                default -> {
                    BigDecimal left = number(value.toString());
                    BigDecimal right = number(literal);
                    if (left == null || right == null) {
                        yield false;
                    }
                    int order = left.compareTo(right);
                    yield switch (operator) {
                        case ">" -> order > 0;
                        case ">=" -> order >= 0;
                        case "<" -> order < 0;
                        default -> order <= 0;
                    };
                }
            };
        }

        private static int compareText(Object value, String literal) {
            BigDecimal left = number(value.toString());
            BigDecimal right = number(literal);
            if (left != null && right != null) {
                return left.compareTo(right);
            }
            return value.toString().equals(literal) ? 0 : 1;
        }

        private static BigDecimal number(String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Parses the expression; the message of the exception names what is wrong. */
    public static Condition parse(String source) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String part : source.split("\\s+and\\s+")) {
            Matcher m = COMPARISON.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a comparison like steps.<step>.count > 0 or incident.level <= 2");
            }
            String literal = m.group(3);
            if (literal.length() >= 2 && (literal.startsWith("\"") || literal.startsWith("'"))) {
                literal = literal.substring(1, literal.length() - 1);
            }
            comparisons.add(new Comparison(m.group(1), m.group(2), literal));
        }
        return new Condition(source, List.copyOf(comparisons));
    }

    public boolean holds(RunContext context) {
        return comparisons.stream().allMatch(c -> c.holds(context.value(c.path())));
    }
}
