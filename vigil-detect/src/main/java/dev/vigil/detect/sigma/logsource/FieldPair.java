package dev.vigil.detect.sigma.logsource;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * A field mapping into a list of name/value objects: {@code protoPayload.metadata.event.parameter[name=NEW_VALUE].value}
 * is the {@code value} of the list element whose {@code name} is {@code NEW_VALUE}. Flattened events hold such a list as
 * two parallel lists ({@code ...parameter.name}, {@code ...parameter.value}); they are paired by position only when
 * both have the same number of elements (every element has both keys), otherwise the field is absent rather than
 * wrongly paired.
 */
final class FieldPair {

    private FieldPair() {
    }

    /** Whether a field-mapping target selects from a list ({@code list[key=value].field}). */
    static boolean isPair(String target) {
        int open = target.indexOf('[');
        return open > 0 && target.indexOf('=', open) > open && target.indexOf("].", open) > open;
    }

    /** The selected value(s), or null when no element has the key value or the lists cannot be paired. */
    static FieldValue select(String target, Event event) {
        int open = target.indexOf('[');
        int equals = target.indexOf('=', open);
        int close = target.indexOf("].", equals);
        String list = target.substring(0, open);
        String key = target.substring(open + 1, equals);
        String wanted = target.substring(equals + 1, close);
        List<FieldValue> keys = elements(event.field(list + "." + key));
        List<FieldValue> values = elements(event.field(list + "." + target.substring(close + 2)));
        if (keys.isEmpty() || keys.size() != values.size()) {
            return null;
        }
        List<FieldValue> selected = new ArrayList<>(1);
        for (int i = 0; i < keys.size(); i++) {
            if (wanted.equals(keys.get(i).text())) {
                selected.add(values.get(i));
            }
        }
        if (selected.isEmpty()) {
            return null;
        }
        return selected.size() == 1 ? selected.get(0) : FieldValue.list(selected);
    }

    private static List<FieldValue> elements(FieldValue value) {
        if (value == null) {
            return List.of();
        }
        return value.isList() ? value.elements() : List.of(value);
    }
}
