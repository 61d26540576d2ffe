package dev.vigil.bastion.gateway;

import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandVerdict;

/** What the operator is told when the command policy stops a command. */
final class CommandNotice {

    private CommandNotice() {
    }

    /**
     * Review cannot hold a command for an approver yet, so a command that needs review is not run, and the notice says
     * so (docs/BASTION.md, "Command policy").
     */
    static String refusal(CommandVerdict verdict) {
        String why = verdict.reasons().isEmpty() ? "" : ": " + verdict.reasons().get(0);
        if (verdict.action() == CommandAction.REVIEW) {
            return "vigil: command not run, it needs review (holding commands for approval is not available yet)" + why;
        }
        return "vigil: command denied by the command policy" + why;
    }
}
