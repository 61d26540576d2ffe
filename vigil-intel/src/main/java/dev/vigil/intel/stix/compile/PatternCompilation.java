package dev.vigil.intel.stix.compile;

import dev.vigil.intel.indicator.Indicator;

import java.util.List;

/**
 * What a STIX indicator contributes to the indicator index: the values it could be reduced to, and why anything else
 * was left out (a pattern that needs full evaluation, or a value that is not valid for its type).
 */
public record PatternCompilation(List<Indicator> indicators, List<String> problems) {

    public PatternCompilation {
        indicators = List.copyOf(indicators);
        problems = List.copyOf(problems);
    }
}
