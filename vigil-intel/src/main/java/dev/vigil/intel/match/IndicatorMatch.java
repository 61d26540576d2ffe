package dev.vigil.intel.match;

import dev.vigil.intel.indicator.Indicator;

import java.util.Comparator;

/** One indicator hit for one event value. */
public record IndicatorMatch(Indicator indicator, MatchKind kind) {

    /** Stable output order: indicator id, then kind. */
    public static final Comparator<IndicatorMatch> BY_INDICATOR_ID =
            Comparator.comparing((IndicatorMatch m) -> m.indicator().id()).thenComparing(IndicatorMatch::kind);
}
