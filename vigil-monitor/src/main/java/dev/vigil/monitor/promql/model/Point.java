package dev.vigil.monitor.promql.model;

/** A stored sample. A stale point is Prometheus's staleness marker: it ends the series at that time. */
public record Point(long timestampMs, double value, boolean stale) {
}
