package dev.vigil.eventstore.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventStore;
import dev.vigil.eventstore.mapping.EventSourceCodec;
import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Pages of matching events in time order, ties broken by a hash of the id so that pages never overlap or reorder between requests.
 * The total is exact. Only the events on the page are read from stored fields.
 */
public final class EventPages {
    private static final Sort NEWEST_FIRST = sort(true);
    private static final Sort OLDEST_FIRST = sort(false);

    private final int maxResultWindow;
    private final EventSourceCodec codec = new EventSourceCodec();

    public EventPages(int maxResultWindow) {
        this.maxResultWindow = maxResultWindow;
    }

    public void validate(int from, int size) {
        if (from < 0 || size < 0) {
            throw new IllegalArgumentException("from and size must not be negative (from " + from + ", size " + size + ")");
        }
        if ((long) from + size > maxResultWindow) {
            throw new IllegalArgumentException("from + size must be at most " + maxResultWindow + " (from " + from
                    + ", size " + size + "); narrow the query or the time range instead of paging deeper");
        }
    }

    public EventStore.SearchResult page(IndexSearcher searcher, Query query, int from, int size, EventStore.Sort order) {
        validate(from, size);
        try {
            if (size == 0) {
                return new EventStore.SearchResult(searcher.count(query), List.of());
            }
            Sort sort = order == EventStore.Sort.OLDEST_FIRST ? OLDEST_FIRST : NEWEST_FIRST;
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, from + size, null, Integer.MAX_VALUE));
            List<Event> events = new ArrayList<>(Math.max(0, Math.min(size, top.scoreDocs.length - from)));
            StoredFields stored = searcher.storedFields();
            for (int i = from; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                events.add(read(stored, hit.doc));
            }
            return new EventStore.SearchResult(top.totalHits.value(), events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event stored in a document. */
    public Event read(StoredFields stored, int doc) throws IOException {
        Document document = stored.document(doc);
        return codec.decode(document.getBinaryValue(IndexedFields.SOURCE));
    }

    private static Sort sort(boolean newestFirst) {
        return new Sort(new SortField(IndexedFields.TIMESTAMP, SortField.Type.LONG, newestFirst),
                new SortField(IndexedFields.ID, SortField.Type.LONG, newestFirst));
    }
}
