package dev.vigil.detect.baseline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A baseline event made of a time and field pairs. */
record TestEvent(Instant timestamp, Map<String, String> fields) implements BaselineEvent {

    static TestEvent at(Instant time, String... pairs) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new TestEvent(time, fields);
    }

    @Override
    public String field(String name) {
        return fields.get(name);
    }
}
