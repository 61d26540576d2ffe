package dev.vigil.detect.sigma.match;

import dev.vigil.detect.sigma.prefilter.LiteralRequirement;

/**
 * A rule's compiled condition, plus a necessary literal condition for prefiltering (null when there is none).
 */
public record CompiledDetection(EventPredicate predicate, LiteralRequirement requirement) {

    /** This detection restricted by another condition (a filter); the literal requirement stays valid. */
    public CompiledDetection and(EventPredicate restriction) {
        EventPredicate original = predicate;
        return new CompiledDetection(event -> original.test(event) && restriction.test(event), requirement);
    }
}
