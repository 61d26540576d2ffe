package dev.vigil.bastion.gateway;

import dev.vigil.bastion.policy.CommandVerdict;

/** What the operator is told when the command policy stops a command, or when a held command's review ends. */
final class CommandNotice {

    private CommandNotice() {
    }

    static String refusal(CommandVerdict verdict) {
        String why = verdict.reasons().isEmpty() ? "" : ": " + verdict.reasons().get(0);
        return "vigil: command denied by the command policy" + why;
    }

    static String review(CommandReview review) {
        String comment = review.comment().isEmpty() ? "" : ": " + review.comment();
        return switch (review.outcome()) {
            case ALLOWED -> "vigil: command allowed by " + review.decidedBy() + (review.requestId().isEmpty() ? "" : " (request "
                    + review.requestId() + ")");
            case DENIED -> "vigil: command not run, denied" + (review.decidedBy().isEmpty() ? "" : " by " + review.decidedBy()) + comment;
            case TIMED_OUT -> "vigil: command not run" + comment;
        };
    }
}
