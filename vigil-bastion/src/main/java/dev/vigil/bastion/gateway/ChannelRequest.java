package dev.vigil.bastion.gateway;

import java.util.Optional;

/** One channel an operator opens through the gateway, as the access broker sees it. */
public record ChannelRequest(Operator operator, TargetAddress address, ChannelKind kind, Optional<String> command, String sourceAddress) {
}
