package dev.vigil.detect.sigma.match;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/** A compiled test of one scalar event value (list values are tested element by element by the caller). */
public interface ValueTest {

    /**
     * @param value a non-null scalar value
     * @param event the whole event, for tests that compare with another field
     */
    boolean test(FieldValue value, Event event);
}
