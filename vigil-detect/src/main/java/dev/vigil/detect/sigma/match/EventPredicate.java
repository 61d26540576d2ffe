package dev.vigil.detect.sigma.match;

import dev.vigil.detect.event.Event;

/** A compiled detection (or part of one), evaluated against an event. Implementations are immutable and thread-safe. */
@FunctionalInterface
public interface EventPredicate {

    boolean test(Event event);
}
