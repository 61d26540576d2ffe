package dev.vigil.eventstore.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;

/** One searcher over the current near-real-time readers of some days; close it to release them. */
public final class SearchSnapshot implements AutoCloseable {
    private final List<DayIndex> days;
    private final List<IndexSearcher> acquired;
    private final MultiReader reader;
    private final IndexSearcher searcher;

    private SearchSnapshot(List<DayIndex> days, List<IndexSearcher> acquired, MultiReader reader) {
        this.days = days;
        this.acquired = acquired;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    public static SearchSnapshot of(List<DayIndex> days) {
        List<IndexSearcher> acquired = new ArrayList<>(days.size());
        try {
            IndexReader[] readers = new IndexReader[days.size()];
            for (DayIndex day : days) {
                IndexSearcher searcher = day.acquire();
                acquired.add(searcher);
                readers[acquired.size() - 1] = searcher.getIndexReader();
            }
            return new SearchSnapshot(days, acquired, new MultiReader(readers, false));
        } catch (IOException e) {
            releaseAll(days, acquired);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            releaseAll(days, acquired);
            throw e;
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            releaseAll(days, acquired);
        }
    }

    private static void releaseAll(List<DayIndex> days, List<IndexSearcher> acquired) {
        for (int i = 0; i < acquired.size(); i++) {
            days.get(i).release(acquired.get(i));
        }
    }
}
