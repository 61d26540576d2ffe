package dev.vigil.server.detection;

import java.util.List;

/** A rule with its current text, every version and its exceptions. */
public record RuleDetail(RuleView rule, String yaml, List<RuleVersionView> versions, List<RuleExceptionView> exceptions) {
}
