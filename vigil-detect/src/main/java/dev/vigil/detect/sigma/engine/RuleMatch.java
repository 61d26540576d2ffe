package dev.vigil.detect.sigma.engine;

import dev.vigil.detect.sigma.rule.SigmaRule;

/** A rule that matched an event. The rule carries id, title, level and author (which alerts must keep, DRL 1.1). */
public record RuleMatch(SigmaRule rule) {
}
