package dev.vigil.eventstore.aggregation;

/**
 * Counts distinct value hashes: exactly (a set of 64-bit hashes, where a collision is vanishingly unlikely) up to a
 * threshold, then with a {@link HyperLogLog} sketch seeded from the exact set.
 */
final class DistinctCounter {
    private final int exactThreshold;
    private LongCounts exact = new LongCounts();
    private HyperLogLog sketch;

    DistinctCounter(int exactThreshold) {
        this.exactThreshold = exactThreshold;
    }

    void add(long hash) {
        if (sketch != null) {
            sketch.add(hash);
            return;
        }
        exact.add(hash, 0);
        if (exact.size() > exactThreshold) {
            switchToSketch();
        }
    }

    void merge(DistinctCounter other) {
        if (other.sketch != null) {
            if (sketch == null) {
                switchToSketch();
            }
            sketch.merge(other.sketch);
        } else {
            other.exact.forEach((hash, ignored) -> add(hash));
        }
    }

    long count() {
        return sketch != null ? sketch.estimate() : exact.size();
    }

    private void switchToSketch() {
        HyperLogLog seeded = new HyperLogLog();
        exact.forEach((hash, ignored) -> seeded.add(hash));
        sketch = seeded;
        exact = null;
    }
}
