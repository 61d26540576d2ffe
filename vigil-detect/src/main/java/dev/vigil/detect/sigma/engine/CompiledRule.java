package dev.vigil.detect.sigma.engine;

import dev.vigil.detect.sigma.match.EventPredicate;
import dev.vigil.detect.sigma.prefilter.LiteralRequirement;
import dev.vigil.detect.sigma.rule.SigmaRule;

/** A rule with its compiled detection; {@code index} orders matches as the rules were given. */
record CompiledRule(int index, SigmaRule rule, EventPredicate predicate, LiteralRequirement requirement) {
}
