package dev.vigil.detect.sigma.engine;

import dev.vigil.detect.sigma.rule.SigmaRule;

/** A parsed rule left out of a rule set, with the reason. */
public record SkippedRule(SigmaRule rule, Reason reason, String detail) {

    public enum Reason {
        /** The rule cannot be evaluated here (e.g. placeholders without values). */
        NOT_EVALUABLE,
        /** The log-source mapping does not cover the rule's log source, so no event can reach it. */
        LOGSOURCE_NOT_MAPPED
    }
}
