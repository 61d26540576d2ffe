package dev.vigil.server.access;

import java.time.Instant;
import java.util.List;

/**
 * A command of a session as the terminal showed it, with its offset into the recording (to jump there in replay) and
 * the command policy's decision: {@code decision} allowed, warned, denied or review; {@code ran} whether it reached the
 * target (a review command only when an approver allowed it); {@code ruleId} the deciding rule, if one decided;
 * {@code reasons}; {@code review} how the hold of a review command ended (null for the others); in a session bound to
 * a procedure execution, {@code plan} is {@code planned} or {@code out-of-plan} and {@code planStep} the step whose
 * expected commands it used.
 */
public record SessionCommandView(int seq, Instant at, double offsetSeconds, String command, String decision, boolean ran, String ruleId,
        List<String> reasons, Review review, String plan, Integer planStep) {

    /** The approval request of a held command and its outcome: allowed, denied or timed-out; who decided. */
    public record Review(String request, String outcome, String decidedBy, String comment) {
    }
}
