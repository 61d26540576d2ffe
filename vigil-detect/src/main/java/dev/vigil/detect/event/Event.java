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

    /**
     * Every value of {@link #fields()}, case-folded with {@link FieldValue#fold}, each followed by a NUL character: one
     * text in which keyword literals can be looked for at once. A literal in a folded value occurs here too; one that
     * spans two values occurs here although no single value has it, so this text suits prefilters, not matching.
     * Implementations may cache it.
     */
    default String foldedText() {
        return FoldedText.of(this);
    }
}
