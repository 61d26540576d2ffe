package dev.vigil.detect.sigma.match;

import java.math.BigDecimal;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaNumberComparison;

/** {@code lt}/{@code lte}/{@code gt}/{@code gte} on values that are numbers or numeric text; other values never match. */
record NumberComparisonTest(SigmaNumberComparison comparison) implements ValueTest {

    @Override
    public boolean test(FieldValue value, Event event) {
        BigDecimal number = toNumber(value.raw());
        return number != null && comparison.operator().holds(number.compareTo(comparison.bound()));
    }

    private static BigDecimal toNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Number || raw instanceof String) {
            String text = raw.toString().strip();
            if (text.isEmpty() || text.length() > 64) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
