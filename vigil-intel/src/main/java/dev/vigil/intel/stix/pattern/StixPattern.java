package dev.vigil.intel.stix.pattern;

/** A parsed and validated STIX 2.1 pattern. Obtain one with {@link StixPatternParser#parse(String)}. */
public record StixPattern(String text, ObservationExpression root) {
}
