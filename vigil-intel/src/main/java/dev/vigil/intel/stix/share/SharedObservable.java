package dev.vigil.intel.stix.share;

import java.time.Instant;
import java.util.Objects;

/**
 * One observable value to share as a STIX indicator.
 *
 * @param kind        as {@link StixPatterns#of(String, String)} takes it
 * @param description may be empty
 * @param firstSeen   when it was first recorded: the indicator's {@code created} and {@code valid_from}
 */
public record SharedObservable(String kind, String value, String description, Instant firstSeen) {

    public SharedObservable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(firstSeen, "firstSeen");
        description = description == null ? "" : description;
    }
}
