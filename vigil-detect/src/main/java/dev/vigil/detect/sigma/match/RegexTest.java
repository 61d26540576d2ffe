package dev.vigil.detect.sigma.match;

import java.util.regex.Pattern;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * {@code re}: the expression is searched anywhere in the value. When the expression requires a literal, values without
 * it (case-folded) are rejected before the regex engine runs.
 *
 * @param requiredLiteral folded literal every match contains, or null
 */
record RegexTest(Pattern pattern, String requiredLiteral) implements ValueTest {

    @Override
    public boolean test(FieldValue value, Event event) {
        String text = value.text();
        if (text == null || (requiredLiteral != null && !value.folded().contains(requiredLiteral))) {
            return false;
        }
        return pattern.matcher(text).find();
    }
}
