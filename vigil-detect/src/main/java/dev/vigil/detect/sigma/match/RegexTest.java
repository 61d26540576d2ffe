package dev.vigil.detect.sigma.match;

import java.util.List;
import java.util.regex.Pattern;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * {@code re}: the expression is searched anywhere in the value. When the expression requires literals, values without
 * them (case-folded, in that order) are rejected before the regex engine runs, which also spares the engine's
 * backtracking on expressions like {@code \+.*\+.*\+} over values with too few {@code +}.
 */
final class RegexTest implements ValueTest {

    private final Pattern pattern;
    private final String[] requiredInOrder;

    /** @param requiredInOrder folded literals every match contains in this order, without overlapping */
    RegexTest(Pattern pattern, List<String> requiredInOrder) {
        this.pattern = pattern;
        this.requiredInOrder = requiredInOrder.toArray(String[]::new);
    }

    @Override
    public boolean test(FieldValue value, Event event) {
        String text = value.text();
        if (text == null || (requiredInOrder.length > 0 && !containsInOrder(value.folded()))) {
            return false;
        }
        return pattern.matcher(text).find();
    }

    private boolean containsInOrder(String folded) {
        int from = 0;
        for (String literal : requiredInOrder) {
            int at = folded.indexOf(literal, from);
            if (at < 0) {
                return false;
            }
            from = at + literal.length();
        }
        return true;
    }
}
