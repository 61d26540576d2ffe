package dev.vigil.eventstore.aggregation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.vigil.events.store.EventStore;
import dev.vigil.eventstore.mapping.EpochMillis;
import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts per fixed interval, buckets aligned to multiples of the interval since the epoch (so one-day buckets start at
 * UTC midnight). With both bounds every bucket from the one holding {@code from} to the one holding the last instant
 * before {@code to} is listed, empty ones included; an open bound ends at the first or last match instead.
 */
public final class DateHistogramAggregation {
    private final int maxBuckets;

    public DateHistogramAggregation(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    public EventStore.Histogram compute(IndexSearcher searcher, Query query, Instant from, Instant to, Duration interval) {
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("the histogram interval must be at least 1 ms, was " + interval);
        }
        long step = interval.toMillis();
        try {
            long low;
            long high;
            if (from != null && to != null) {
                low = EpochMillis.of(from);
                high = EpochMillis.of(to) - 1;
            } else {
                long[] range = dataRange(searcher);
                if (range == null) {
                    return new EventStore.Histogram(interval, List.of());
                }
                low = from != null ? EpochMillis.of(from) : range[0];
                high = to != null ? EpochMillis.of(to) - 1 : range[1];
            }
            if (low > high) {
                return new EventStore.Histogram(interval, List.of());
            }
            long firstBucket = Math.floorDiv(low, step);
            long bucketCount = Math.floorDiv(high, step) - firstBucket + 1;
            if (bucketCount > maxBuckets) {
                throw new IllegalArgumentException("the histogram would have " + bucketCount + " buckets of " + interval
                        + "; at most " + maxBuckets + " are allowed: choose a larger interval or a shorter time range");
            }
            long[] counts = searcher.search(query, manager(step, firstBucket, (int) bucketCount));
            return new EventStore.Histogram(interval, buckets(counts, firstBucket, step, from == null, to == null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CollectorManager<DateHistogramCollector, long[]> manager(long step, long firstBucket, int bucketCount) {
        return new CollectorManager<>() {
            @Override
            public DateHistogramCollector newCollector() {
                return new DateHistogramCollector(step, firstBucket, bucketCount);
            }

            @Override
            public long[] reduce(Collection<DateHistogramCollector> collectors) {
                long[] total = new long[bucketCount];
                for (DateHistogramCollector collector : collectors) {
                    long[] counts = collector.counts();
                    for (int i = 0; i < bucketCount; i++) {
                        total[i] += counts[i];
                    }
                }
                return total;
            }
        };
    }

    /** Smallest and largest {@code @timestamp} in the readers (deleted events included), or null when empty. */
    private static long[] dataRange(IndexSearcher searcher) throws IOException {
        byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), IndexedFields.TIMESTAMP);
        byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), IndexedFields.TIMESTAMP);
        if (min == null || max == null) {
            return null;
        }
        return new long[] {LongPoint.decodeDimension(min, 0), LongPoint.decodeDimension(max, 0)};
    }

    private static List<EventStore.Histogram.Bucket> buckets(long[] counts, long firstBucket, long step, boolean trimStart,
                                                             boolean trimEnd) {
        int start = 0;
        int end = counts.length;
        while (trimStart && start < end && counts[start] == 0) {
            start++;
        }
        while (trimEnd && end > start && counts[end - 1] == 0) {
            end--;
        }
        List<EventStore.Histogram.Bucket> buckets = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            buckets.add(new EventStore.Histogram.Bucket(Instant.ofEpochMilli((firstBucket + i) * step), counts[i]));
        }
        return buckets;
    }
}
