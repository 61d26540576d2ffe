package dev.vigil.bastion.policy;

import java.util.List;
import java.util.Optional;

/** The decision on a line: the action, the rule that decided it (none when the mode or the analysis did), the reasons. */
public record CommandVerdict(CommandAction action, Optional<String> ruleId, List<String> reasons, CommandAnalysis analysis) {

    public CommandVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean runs() {
        return action == CommandAction.ALLOW || action == CommandAction.WARN;
    }
}
