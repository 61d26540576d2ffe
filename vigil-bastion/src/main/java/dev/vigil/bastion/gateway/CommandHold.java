package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Holds one command the policy sent to review: asks the approval flow, tells the operator the request and the wait,
 * and waits (polling) until an approver decides or the wait ends. Interrupted (the session is ending), it gives the
 * request up and rethrows.
 */
final class CommandHold {

    private static final long POLL_MILLIS = 250;

    private final CommandApprovals approvals;

    CommandHold(CommandApprovals approvals) {
        this.approvals = approvals;
    }

    interface Notices {
        void tell(String notice) throws IOException;
    }

    CommandReview await(HeldCommand held, Notices operator, Consumer<String> marker) throws IOException, InterruptedException {
        String requestId;
        try {
            requestId = approvals.request(held);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CommandReview("", CommandReview.Outcome.DENIED, "", "could not ask for approval: " + why);
        }
        String notice = "vigil: command held for approval, request " + requestId + "; waiting up to " + held.waitFor().toSeconds() + " s";
        marker.accept(notice);
        operator.tell(notice);
        long deadline = System.nanoTime() + held.waitFor().toNanos();
        CommandApprovals.Decision decision;
        try {
            decision = approvals.decision(requestId);
            while (decision.state() == CommandApprovals.State.PENDING && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                decision = approvals.decision(requestId);
            }
            if (decision.state() == CommandApprovals.State.PENDING) {
                decision = approvals.giveUp(requestId, "no decision within " + held.waitFor().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            approvals.giveUp(requestId, "the session ended while the command was held");
            throw e;
        }
        return review(requestId, decision, held.waitFor());
    }

    private static CommandReview review(String requestId, CommandApprovals.Decision decision, Duration wait) {
        return switch (decision.state()) {
            case ALLOWED -> new CommandReview(requestId, CommandReview.Outcome.ALLOWED, decision.by(), decision.comment());
            case DENIED -> new CommandReview(requestId, CommandReview.Outcome.DENIED, decision.by(), decision.comment());
            case TIMED_OUT, PENDING -> new CommandReview(requestId, CommandReview.Outcome.TIMED_OUT, "",
                    decision.comment().isEmpty() ? "no decision within " + wait.toSeconds() + " s" : decision.comment());
        };
    }
}
