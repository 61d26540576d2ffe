package dev.vigil.eventstore.query;

import dev.vigil.eventstore.mapping.FieldValues;

/** Range bounds on numeric fields, turned inclusive: {@code >5} on a long field is {@code >=6}, on a double field the next double up. */
final class NumericBounds {

    private NumericBounds() {
    }

    static long lowerLong(String field, String text, boolean inclusive) throws InvalidQueryValueException {
        Long exact = FieldValues.parseLong(text);
        if (exact != null) {
            // saturates at the ends of the long range
            return inclusive || exact == Long.MAX_VALUE ? exact : exact + 1;
        }
        double value = number(field, text);
        return (long) (inclusive ? Math.ceil(value) : Math.floor(value) + 1);
    }

    static long upperLong(String field, String text, boolean inclusive) throws InvalidQueryValueException {
        Long exact = FieldValues.parseLong(text);
        if (exact != null) {
            return inclusive || exact == Long.MIN_VALUE ? exact : exact - 1;
        }
        double value = number(field, text);
        return (long) (inclusive ? Math.floor(value) : Math.ceil(value) - 1);
    }

    static double lowerDouble(String field, String text, boolean inclusive) throws InvalidQueryValueException {
        double value = number(field, text);
        return inclusive ? value : Math.nextUp(value);
    }

    static double upperDouble(String field, String text, boolean inclusive) throws InvalidQueryValueException {
        double value = number(field, text);
        return inclusive ? value : Math.nextDown(value);
    }

    private static double number(String field, String text) throws InvalidQueryValueException {
        Double value = FieldValues.parseDouble(text);
        if (value == null || value.isNaN()) {
            throw new InvalidQueryValueException("'" + text + "' is not a number; " + field + " holds numbers");
        }
        return value;
    }
}
