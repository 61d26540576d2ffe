package dev.vigil.eventstore.aggregation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dev.vigil.events.store.EventStore;
import dev.vigil.eventstore.mapping.FieldKind;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The most frequent values of a field among the matches, most frequent first (ties by value), with exact counts; the
 * other count adds up the documents counted for every value not listed.
 */
public final class TermsAggregation {
    private static final Comparator<EventStore.TermsResult.Term> RANK = Comparator
            .comparingLong(EventStore.TermsResult.Term::count).reversed()
            .thenComparing(EventStore.TermsResult.Term::value);

    public EventStore.TermsResult compute(IndexSearcher searcher, Query query, String field, FieldKind kind, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("terms size must be at least 1, was " + size);
        }
        AggregatedField values = AggregatedField.of(field, kind);
        Map<String, Long> counts;
        try {
            counts = searcher.search(query, manager(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return top(field, counts, size);
    }

    private static CollectorManager<ValueCountCollector, Map<String, Long>> manager(AggregatedField field) {
        return new CollectorManager<>() {
            @Override
            public ValueCountCollector newCollector() {
                return new ValueCountCollector(field);
            }

            @Override
            public Map<String, Long> reduce(Collection<ValueCountCollector> collectors) throws IOException {
                Map<String, Long> total = new HashMap<>();
                for (ValueCountCollector collector : collectors) {
                    collector.counts().forEach((value, count) -> total.merge(value, count, Long::sum));
                }
                return total;
            }
        };
    }

    private static EventStore.TermsResult top(String field, Map<String, Long> counts, int size) {
        PriorityQueue<EventStore.TermsResult.Term> best = new PriorityQueue<>(size + 1, RANK.reversed());
        long all = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            all += entry.getValue();
            best.add(new EventStore.TermsResult.Term(entry.getKey(), entry.getValue()));
            if (best.size() > size) {
                best.poll();
            }
        }
        List<EventStore.TermsResult.Term> terms = new ArrayList<>(best);
        terms.sort(RANK);
        long listed = terms.stream().mapToLong(EventStore.TermsResult.Term::count).sum();
        return new EventStore.TermsResult(field, terms, all - listed);
    }
}
