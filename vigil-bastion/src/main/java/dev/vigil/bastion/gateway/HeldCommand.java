package dev.vigil.bastion.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A command the policy sent to review, held by the gateway until an approver decides: who typed it in which session,
 * where it would run, the command as the terminal showed it, the deciding rule and reasons, and how long the gateway
 * waits.
 */
public record HeldCommand(String sessionId, Operator operator, UpstreamTarget target, ChannelKind channel, String command,
        Optional<String> ruleId, List<String> reasons, Duration waitFor) {

    public HeldCommand {
        reasons = List.copyOf(reasons);
    }
}
