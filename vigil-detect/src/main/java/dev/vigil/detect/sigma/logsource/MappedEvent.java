package dev.vigil.detect.sigma.logsource;

import java.util.Map;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/** An event seen through the field renames of one log source (rule field name -> event field name). */
record MappedEvent(Event event, Map<String, String> renames) implements Event {

    @Override
    public FieldValue field(String name) {
        return event.field(renames.getOrDefault(name, name));
    }

    @Override
    public Map<String, FieldValue> fields() {
        return event.fields();
    }

    @Override
    public String foldedText() {
        return event.foldedText();
    }
}
