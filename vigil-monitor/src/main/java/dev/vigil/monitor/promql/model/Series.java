package dev.vigil.monitor.promql.model;

import java.util.List;

/** One series of a range vector: its labels and the (non-stale) points inside the range, oldest first. */
public record Series(Labels labels, List<Point> points) {
}
