package dev.vigil.bastion.gateway;

/** The broker's answer for one channel. */
public sealed interface AccessDecision {

    record Granted(UpstreamTarget target) implements AccessDecision {
    }

    record Refused(String reason) implements AccessDecision {
    }
}
