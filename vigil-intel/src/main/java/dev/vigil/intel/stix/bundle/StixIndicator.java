package dev.vigil.intel.stix.bundle;

import java.time.Instant;
import java.util.List;

/**
 * The fields of a STIX 2.1 {@code indicator} object that detection needs.
 *
 * @param confidence 0..100, or -1 when absent
 * @param validUntil null when the indicator does not expire
 */
public record StixIndicator(String id, String name, String pattern, String patternType, Instant validFrom,
                            Instant validUntil, int confidence, List<String> labels, List<String> indicatorTypes,
                            List<KillChainPhase> killChainPhases, boolean revoked) {

    public StixIndicator {
        labels = List.copyOf(labels);
        indicatorTypes = List.copyOf(indicatorTypes);
        killChainPhases = List.copyOf(killChainPhases);
    }
}
