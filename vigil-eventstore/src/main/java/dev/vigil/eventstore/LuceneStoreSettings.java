package dev.vigil.eventstore;

import org.apache.lucene.index.IndexWriter;

/**
 * Tuning of the embedded event store.
 *
 * @param ramBufferMb               indexing buffer of each day index before it writes a segment, in MB (Lucene's
 *                                  limit is below 2048)
 * @param maxResultWindow           the largest {@code from + size} a search may ask for
 * @param maxKeywordBytes           longer keyword values (UTF-8 bytes) are stored but not indexed as keywords; they stay
 *                                  findable through the text of {@code event.original}
 * @param maxFields                 distinct field names the store indexes; fields first seen beyond this are stored only
 * @param maxHistogramBuckets       the most buckets one date histogram may have
 * @param cardinalityExactThreshold distinct values counted exactly before cardinality switches to HyperLogLog
 * @param indexingThreads           threads one {@code store} call indexes on (the caller's included)
 */
public record LuceneStoreSettings(double ramBufferMb, int maxResultWindow, int maxKeywordBytes, int maxFields,
                                  int maxHistogramBuckets, int cardinalityExactThreshold, int indexingThreads) {

    public LuceneStoreSettings {
        if (!(ramBufferMb >= 1 && ramBufferMb < 2048)) {
            throw new IllegalArgumentException("ramBufferMb must be at least 1 and below 2048, was " + ramBufferMb);
        }
        if (maxResultWindow < 1) {
            throw new IllegalArgumentException("maxResultWindow must be positive, was " + maxResultWindow);
        }
        if (maxKeywordBytes < 1 || maxKeywordBytes > IndexWriter.MAX_TERM_LENGTH) {
            throw new IllegalArgumentException("maxKeywordBytes must be between 1 and " + IndexWriter.MAX_TERM_LENGTH
                    + " (Lucene's longest term), was " + maxKeywordBytes);
        }
        if (maxFields < 1) {
            throw new IllegalArgumentException("maxFields must be positive, was " + maxFields);
        }
        if (maxHistogramBuckets < 1) {
            throw new IllegalArgumentException("maxHistogramBuckets must be positive, was " + maxHistogramBuckets);
        }
        if (cardinalityExactThreshold < 0) {
            throw new IllegalArgumentException("cardinalityExactThreshold must not be negative, was " + cardinalityExactThreshold);
        }
        if (indexingThreads < 1 || indexingThreads > 64) {
            throw new IllegalArgumentException("indexingThreads must be between 1 and 64, was " + indexingThreads);
        }
    }

    /** 64 MB buffers, windows and limits as documented, and indexing on up to two cores. */
    public static LuceneStoreSettings defaults() {
        return new LuceneStoreSettings(64, 10_000, 8_192, 10_000, 10_000, 100_000,
                Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public LuceneStoreSettings withRamBufferMb(double mb) {
        return new LuceneStoreSettings(mb, maxResultWindow, maxKeywordBytes, maxFields, maxHistogramBuckets,
                cardinalityExactThreshold, indexingThreads);
    }

    public LuceneStoreSettings withMaxFields(int fields) {
        return new LuceneStoreSettings(ramBufferMb, maxResultWindow, maxKeywordBytes, fields, maxHistogramBuckets,
                cardinalityExactThreshold, indexingThreads);
    }

    public LuceneStoreSettings withCardinalityExactThreshold(int threshold) {
        return new LuceneStoreSettings(ramBufferMb, maxResultWindow, maxKeywordBytes, maxFields, maxHistogramBuckets,
                threshold, indexingThreads);
    }

    public LuceneStoreSettings withIndexingThreads(int threads) {
        return new LuceneStoreSettings(ramBufferMb, maxResultWindow, maxKeywordBytes, maxFields, maxHistogramBuckets,
                cardinalityExactThreshold, threads);
    }
}
