package dev.vigil.server.intel;

/** Published inside the transaction that changed feeds or indicators; the live matcher rebuilds after the commit. */
public record IndicatorsChanged(String what) {
}
