package dev.vigil.intel.stix.bundle;

/** A STIX kill-chain phase reference, e.g. {@code lockheed-martin-cyber-kill-chain / delivery}. */
public record KillChainPhase(String killChainName, String phaseName) {
}
