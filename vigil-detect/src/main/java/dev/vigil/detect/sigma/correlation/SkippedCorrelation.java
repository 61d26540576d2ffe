package dev.vigil.detect.sigma.correlation;

import dev.vigil.detect.sigma.rule.SigmaCorrelation;

/** A correlation that cannot be evaluated on a stream here, with the reason. */
public record SkippedCorrelation(SigmaCorrelation correlation, String reason) {
}
