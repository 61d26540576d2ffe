package dev.vigil.eventstore.aggregation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import dev.vigil.eventstore.mapping.FieldKind;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/** The number of distinct values of a field among the matches: exact up to a threshold, HyperLogLog beyond. */
public final class CardinalityAggregation {
    private final int exactThreshold;

    public CardinalityAggregation(int exactThreshold) {
        this.exactThreshold = exactThreshold;
    }

    public long compute(IndexSearcher searcher, Query query, String field, FieldKind kind) {
        AggregatedField values = AggregatedField.of(field, kind);
        try {
            return searcher.search(query, new CollectorManager<DistinctValueCollector, Long>() {
                @Override
                public DistinctValueCollector newCollector() {
                    return new DistinctValueCollector(values, new DistinctCounter(exactThreshold));
                }

                @Override
                public Long reduce(Collection<DistinctValueCollector> collectors) throws IOException {
                    DistinctCounter total = new DistinctCounter(exactThreshold);
                    for (DistinctValueCollector collector : collectors) {
                        total.merge(collector.counter());
                    }
                    return total.count();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
