package dev.vigil.monitor.exposition;

import dev.vigil.monitor.promql.model.Labels;

/** One sample line of a scrape: labels including {@code __name__}, value, and the exposed timestamp or -1. */
public record ScrapedSample(Labels labels, double value, long timestampMs) {
}
