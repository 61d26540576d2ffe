package dev.vigil.bastion.gateway;

import java.util.Locale;

/**
 * How a held command's review ended: {@code requestId} names the approval request; {@code decidedBy} who allowed or
 * denied it (empty when it timed out or could not be asked); {@code comment} the approver's or the gateway's words.
 */
public record CommandReview(String requestId, Outcome outcome, String decidedBy, String comment) {

    public enum Outcome {
        ALLOWED, DENIED, TIMED_OUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public CommandReview {
        decidedBy = decidedBy == null ? "" : decidedBy;
        comment = comment == null ? "" : comment;
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
