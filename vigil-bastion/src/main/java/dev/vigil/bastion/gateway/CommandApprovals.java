package dev.vigil.bastion.gateway;

/**
 * Port: the approval flow for commands the policy sends to review. The gateway asks once per held command, then polls
 * the request until it is decided or the wait ends, and then gives up on it (so nobody can approve it afterwards).
 */
public interface CommandApprovals {

    /** No approval flow: a command that needs review is not run. */
    CommandApprovals NONE = new CommandApprovals() {
        @Override
        public String request(HeldCommand held) {
            throw new IllegalStateException("holding commands for approval is not configured");
        }

        @Override
        public Decision decision(String requestId) {
            return new Decision(State.DENIED, "", "holding commands for approval is not configured");
        }

        @Override
        public Decision giveUp(String requestId, String why) {
            return new Decision(State.TIMED_OUT, "", why);
        }
    };

    enum State {
        PENDING, ALLOWED, DENIED, TIMED_OUT
    }

    /** Where a request stands; {@code by} who decided, {@code comment} their words. */
    record Decision(State state, String by, String comment) {
    }

    /** Opens an approval request for the held command on behalf of its operator; returns the request's id. */
    String request(HeldCommand held);

    Decision decision(String requestId);

    /**
     * The gateway stops waiting ({@code why}: the wait ended, the session ended): closes the request if it is still
     * pending and returns its final state (an approval that came just before still counts).
     */
    Decision giveUp(String requestId, String why);
}
