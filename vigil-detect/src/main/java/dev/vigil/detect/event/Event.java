package dev.vigil.detect.event;

import java.util.Map;

/**
 * A log event as rules see it: values looked up by Sigma field name. Implementations decide how names map onto their
 * storage (flattened Windows fields, dotted paths into nested JSON, renamed fields of a log-source mapping).
 */
public interface Event {

    /** The value of the named field, or null when the event has no such field. */
    FieldValue field(String name);

    /** Every field of the event by name, as used for keyword (field-less) search. */
    Map<String, FieldValue> fields();
}
