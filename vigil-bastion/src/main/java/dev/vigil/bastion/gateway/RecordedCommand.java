package dev.vigil.bastion.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandVerdict;

/**
 * A command as the target's terminal showed it (or an exec channel's command), with its offset into the recording for
 * replay and the command policy's decision: {@code action} allow/warn ran, deny did not, review ran only if its
 * {@code review} allowed it; {@code ruleId} the deciding rule if a rule decided; {@code reasons} why.
 */
public record RecordedCommand(Instant at, double offsetSeconds, String text, CommandAction action, Optional<String> ruleId,
        List<String> reasons, Optional<CommandReview> review) {

    public RecordedCommand {
        reasons = List.copyOf(reasons);
    }

    public RecordedCommand(Instant at, double offsetSeconds, String text, CommandAction action, Optional<String> ruleId, List<String> reasons) {
        this(at, offsetSeconds, text, action, ruleId, reasons, Optional.empty());
    }

    static RecordedCommand of(Instant at, double offsetSeconds, String text, CommandVerdict verdict) {
        return new RecordedCommand(at, offsetSeconds, text, verdict.action(), verdict.ruleId(), verdict.reasons());
    }

    static RecordedCommand reviewed(Instant at, double offsetSeconds, String text, CommandVerdict verdict, CommandReview review) {
        return new RecordedCommand(at, offsetSeconds, text, verdict.action(), verdict.ruleId(), verdict.reasons(), Optional.of(review));
    }

    /** Whether the command reached the target. */
    public boolean ran() {
        return action == CommandAction.ALLOW || action == CommandAction.WARN
                || action == CommandAction.REVIEW && review.map(CommandReview::allowed).orElse(false);
    }
}
