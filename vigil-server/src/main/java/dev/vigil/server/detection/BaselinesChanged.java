package dev.vigil.server.detection;

/** Published inside the transaction that changed baseline definitions; the runner rebuilds after the commit. */
public record BaselinesChanged(String name) {
}
