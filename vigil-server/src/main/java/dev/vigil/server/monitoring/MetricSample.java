package dev.vigil.server.monitoring;

import java.util.Map;

/** One sample of a query result: labels (with {@code __name__} when kept), value, and its time in milliseconds. */
public record MetricSample(Map<String, String> labels, double value, long timestampMs) {
}
