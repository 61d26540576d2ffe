package dev.vigil.detect.sigma.match;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaFieldRef;

/**
 * {@code fieldref}: the value equals (or with contains/startswith/endswith: contains, starts or ends with) the value of
 * another field of the same event, case-insensitively. A missing or null referenced field never matches.
 */
record FieldRefTest(SigmaFieldRef reference) implements ValueTest {

    @Override
    public boolean test(FieldValue value, Event event) {
        FieldValue other = event.field(reference.field());
        if (other == null || other.raw() == null || value.raw() == null) {
            return false;
        }
        String text = value.folded();
        String wanted = other.folded();
        if (reference.anyPrefix() && reference.anySuffix()) {
            return text.contains(wanted);
        }
        if (reference.anyPrefix()) {
            return text.endsWith(wanted);
        }
        if (reference.anySuffix()) {
            return text.startsWith(wanted);
        }
        return text.equals(wanted);
    }
}
