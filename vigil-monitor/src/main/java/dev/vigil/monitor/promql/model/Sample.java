package dev.vigil.monitor.promql.model;

/** One element of an instant vector; {@code timestampMs} is the sample's own time for selectors, else the evaluation time. */
public record Sample(Labels labels, double value, long timestampMs) {
}
