package dev.vigil.bastion.gateway;

import java.util.List;

/** Port: may this operator open this channel now? Asked on every channel open, never cached. */
public interface AccessBroker {

    AccessDecision authorize(ChannelRequest request);

    /** The targets the operator may open a shell on now, for the interactive menu. */
    List<TargetChoice> choices(Operator operator);

    /** Whether the operator may still act at all (disabled users are cut off, live channels included). */
    boolean stillActive(Operator operator);
}
