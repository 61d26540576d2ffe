package dev.vigil.detect.baseline;

import java.util.List;

/** Builds the entity key of an event from the configured fields: {@code user=alice} or {@code host=a,user=b}. */
final class EntityKeys {

    private EntityKeys() {
    }

    /** The key, or null when the event lacks one of the fields (such events are not learned). */
    static String of(BaselineEvent event, List<String> fields) {
        if (fields.size() == 1) {
            String value = event.field(fields.getFirst());
            return value == null ? null : fields.getFirst() + "=" + value;
        }
        StringBuilder key = new StringBuilder();
        for (String field : fields) {
            String value = event.field(field);
            if (value == null) {
                return null;
            }
            if (!key.isEmpty()) {
                key.append(',');
            }
            key.append(field).append('=').append(value);
        }
        return key.toString();
    }
}
