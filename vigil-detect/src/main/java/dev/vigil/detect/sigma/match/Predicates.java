package dev.vigil.detect.sigma.match;

import java.util.List;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/** The boolean and field-level building blocks of compiled detections. */
final class Predicates {

    private Predicates() {
    }

    static EventPredicate all(List<EventPredicate> operands) {
        if (operands.size() == 1) {
            return operands.get(0);
        }
        EventPredicate[] array = operands.toArray(EventPredicate[]::new);
        return event -> {
            for (EventPredicate p : array) {
                if (!p.test(event)) {
                    return false;
                }
            }
            return true;
        };
    }

    static EventPredicate any(List<EventPredicate> operands) {
        if (operands.size() == 1) {
            return operands.get(0);
        }
        EventPredicate[] array = operands.toArray(EventPredicate[]::new);
        return event -> {
            for (EventPredicate p : array) {
                if (p.test(event)) {
                    return true;
                }
            }
            return false;
        };
    }

    static EventPredicate not(EventPredicate operand) {
        return event -> !operand.test(event);
    }

    /** True when the field holds a non-null value (or list element) that passes any of the tests. */
    static EventPredicate field(String name, List<ValueTest> tests) {
        ValueTest[] array = tests.toArray(ValueTest[]::new);
        return event -> {
            FieldValue value = event.field(name);
            return value != null && anyElement(value, array, event);
        };
    }

    /** {@code field: null}: absent or JSON null (an empty list counts as null too). */
    static EventPredicate isNull(String name) {
        return event -> {
            FieldValue value = event.field(name);
            return value == null || value.isNull() || (value.isList() && value.elements().isEmpty());
        };
    }

    /** {@code field|exists}: the field is present with a non-null value. */
    static EventPredicate exists(String name, boolean expected) {
        EventPredicate isNull = isNull(name);
        return event -> isNull.test(event) != expected;
    }

    /** Keyword search: any value of any field passes one of the tests. */
    static EventPredicate keyword(List<ValueTest> tests) {
        ValueTest[] array = tests.toArray(ValueTest[]::new);
        return event -> {
            for (FieldValue value : event.fields().values()) {
                if (anyElement(value, array, event)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean anyElement(FieldValue value, ValueTest[] tests, Event event) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                if (anyElement(element, tests, event)) {
                    return true;
                }
            }
            return false;
        }
        if (value.raw() == null) {
            return false;
        }
        for (ValueTest test : tests) {
            if (test.test(value, event)) {
                return true;
            }
        }
        return false;
    }
}
