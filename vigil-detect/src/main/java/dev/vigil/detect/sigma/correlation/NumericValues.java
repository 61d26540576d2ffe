package dev.vigil.detect.sigma.correlation;

import java.math.BigDecimal;

import dev.vigil.detect.event.FieldValue;

/** Reads the numeric value of an event field for the value_* correlations; anything else is "not a number". */
final class NumericValues {

    private NumericValues() {
    }

    /**
     * The field as a finite number: a JSON number, or a string holding a decimal number (surrounding blanks allowed).
     * Null for a missing field, JSON null, booleans, lists, NaN, infinities and any other text.
     */
    static Double of(FieldValue value) {
        if (value == null || value.isList() || value.raw() == null) {
            return null;
        }
        if (value.raw() instanceof Number number) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return value.raw() instanceof String text ? parse(text) : null;
    }

    /** A decimal number like {@code 42}, {@code -1.5} or {@code 2e6}; null for anything else. */
    static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        // Double.parseDouble also takes hex floats, "NaN", "Infinity" and a trailing 'd' or 'f'
        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : null;
    }

    /** A number without a needless ".0" and without exponent notation. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
