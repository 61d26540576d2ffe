package dev.vigil.detect.sigma.logsource;

import java.util.Map;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * An event seen through the field mappings of one log source: rule field name -> event field name, a
 * {@link FieldTemplate} over event fields, or a {@link FieldPair} selecting from a list of name/value objects.
 */
record MappedEvent(Event event, Map<String, String> renames) implements Event {

    @Override
    public FieldValue field(String name) {
        String target = renames.get(name);
        if (target == null) {
            return event.field(name);
        }
        if (FieldTemplate.isTemplate(target)) {
            return FieldTemplate.render(target, event);
        }
        return FieldPair.isPair(target) ? FieldPair.select(target, event) : event.field(target);
    }

    @Override
    public Map<String, FieldValue> fields() {
        return event.fields();
    }
}
