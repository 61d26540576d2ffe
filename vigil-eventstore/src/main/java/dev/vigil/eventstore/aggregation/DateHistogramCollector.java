package dev.vigil.eventstore.aggregation;

import java.io.IOException;

import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matches per fixed-width time bucket from {@code @timestamp} doc values. */
final class DateHistogramCollector extends SimpleCollector {
    private final long interval;
    private final long firstBucket;
    private final long[] counts;
    private NumericDocValues timestamps;

    /** Buckets {@code firstBucket .. firstBucket + bucketCount - 1}, bucket {@code b} covering {@code [b·interval, (b+1)·interval)}. */
    DateHistogramCollector(long interval, long firstBucket, int bucketCount) {
        this.interval = interval;
        this.firstBucket = firstBucket;
        this.counts = new long[bucketCount];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        timestamps = DocValues.getNumeric(context.reader(), IndexedFields.TIMESTAMP);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (timestamps.advanceExact(doc)) {
            long index = Math.floorDiv(timestamps.longValue(), interval) - firstBucket;
            if (index >= 0 && index < counts.length) {
                counts[(int) index]++;
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    long[] counts() {
        return counts;
    }
}
