package dev.vigil.events.store;

import dev.vigil.events.Event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The event store port. The embedded default is the Lucene adapter in the vigil-eventstore module; a distributed
 * engine (OpenSearch) implements the same interface later without changing callers.
 *
 * <p>Writes are idempotent by event id: storing an event whose id is already stored replaces it, so replaying the
 * spool after a crash never duplicates. Written events become searchable after {@link #refresh} and survive a crash
 * after {@link #commit}.
 */
public interface EventStore extends AutoCloseable {

    /** Adds (or replaces, by id) events. */
    void store(List<Event> events);

    /**
     * Adds events none of whose ids is stored yet, e.g. events appended to the spool after the store was last written.
     * Nothing is looked up or replaced, which costs less than {@link #store}; an id that is stored already would then be
     * stored twice, so whenever that is possible (a replay, a retried batch) call {@link #store}. An implementation
     * without a cheaper way to add may simply store.
     */
    default void append(List<Event> events) {
        store(events);
    }

    /** Makes everything stored so far visible to searches. */
    void refresh();

    /** Makes everything stored so far durable. */
    void commit();

    /** Events matching the query, newest first unless the request says otherwise. */
    SearchResult search(SearchRequest request);

    /** Number of events matching the query. */
    long count(EventQuery query);

    /** One event by id, if it is stored and visible to the query's tenants. */
    Optional<Event> get(String id, TenantScope tenants);

    /** Counts per time bucket for the events matching the query. */
    Histogram dateHistogram(EventQuery query, java.time.Duration interval);

    /** The most frequent values of a field among the events matching the query. */
    TermsResult terms(EventQuery query, String field, int size);

    /** Approximate number of distinct values of a field among the events matching the query. */
    long cardinality(EventQuery query, String field);

    /** Deletes whole days older than {@code maxAge}, then the oldest days while the total exceeds {@code maxBytes}. */
    RetentionResult applyRetention(Instant now, java.time.Duration maxAge, long maxBytes);

    /** Size and shape of what is stored. */
    StoreStats stats();

    @Override
    void close();

    record SearchRequest(EventQuery query, int from, int size, Sort sort) {
    }

    enum Sort { NEWEST_FIRST, OLDEST_FIRST }

    record SearchResult(long total, List<Event> events) {
    }

    record Histogram(java.time.Duration interval, List<Bucket> buckets) {
        public record Bucket(Instant start, long count) {
        }
    }

    record TermsResult(String field, List<Term> terms, long otherCount) {
        public record Term(String value, long count) {
        }
    }

    record RetentionResult(List<String> deletedDays, long bytesFreed) {
    }

    record StoreStats(long events, long bytesOnDisk, List<String> days) {
    }
}
