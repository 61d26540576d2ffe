package dev.vigil.intel.match;

import java.util.Objects;

/**
 * The indicator index the pipeline matches against, replaceable at any time without pausing matching: a feed refresh
 * builds a complete new {@link IndicatorIndex} off to the side and publishes it with one volatile write. A matcher
 * reads {@link #current()} once per event, so each event sees exactly one consistent snapshot.
 */
public final class LiveIndicatorIndex {

    private volatile IndicatorIndex current;

    public LiveIndicatorIndex(IndicatorIndex initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public IndicatorIndex current() {
        return current;
    }

    /** Publishes {@code next}; events already being matched finish against the snapshot they started with. */
    public void replace(IndicatorIndex next) {
        current = Objects.requireNonNull(next, "next");
    }
}
