package dev.vigil.eventstore.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vigil.eventstore.mapping.IndexedFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One UTC day's Lucene index: its writer and a near-real-time searcher manager. Writes are by id
 * ({@code updateDocument}), so storing the same event again replaces it, or plain adds of events known to be new.
 */
public final class DayIndex implements Closeable {
    /** Commit user data: when the commit was made (epoch milliseconds), for {@link RecentCommitsDeletionPolicy}. */
    static final String COMMITTED_AT = "vigil.committed-at";

    private final LocalDate day;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean unrefreshed = new AtomicBoolean();

    private DayIndex(LocalDate day, Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.day = day;
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    static DayIndex open(LocalDate day, Path path, IndexWriterConfig config) throws IOException {
        Directory directory = FSDirectory.open(path);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, config);
            return new DayIndex(day, path, directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            throw e;
        }
    }

    public LocalDate day() {
        return day;
    }

    public String name() {
        return DayNames.name(day);
    }

    public void upsert(String id, Document document) {
        try {
            writer.updateDocument(new Term(IndexedFields.ID, id), document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not index an event in day " + name(), e);
        }
        unrefreshed.set(true);
    }

    /**
     * Adds a document whose id is not in the index: no delete term is buffered, so a flush has no id to look up in
     * every segment. A document whose id is in the index already would be there twice.
     */
    public void add(Document document) {
        try {
            writer.addDocument(document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not index an event in day " + name(), e);
        }
        unrefreshed.set(true);
    }

    /** Makes what was written visible to searchers acquired afterwards; does nothing when nothing was written. */
    public void refresh() {
        if (unrefreshed.getAndSet(false)) {
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                unrefreshed.set(true);
                throw new UncheckedIOException("could not refresh day " + name(), e);
            }
        }
    }

    /** Makes what was written durable; does nothing when nothing changed since the last commit. */
    public void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                stampCommit();
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit day " + name(), e);
        }
    }

    /**
     * Merges the day into one segment if it has more, then commits: a day that no longer changes is searched faster and
     * keeps fewer files open. Returns whether it merged.
     */
    public boolean compact() {
        IndexSearcher searcher = acquire();
        int segments;
        try {
            segments = searcher.getIndexReader().leaves().size();
        } finally {
            release(searcher);
        }
        if (segments <= 1) {
            return false;
        }
        try {
            writer.forceMerge(1);
            stampCommit();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not merge day " + name(), e);
        }
        return true;
    }

    private void stampCommit() {
        writer.setLiveCommitData(java.util.Map.of(COMMITTED_AT, Long.toString(System.currentTimeMillis())).entrySet());
    }

    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live events as of the last refresh. */
    public long liveEvents() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** Bytes of the files in the day's directory now (merges change this from moment to moment). */
    public long sizeInBytes() {
        long total = 0;
        try {
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (NoSuchFileException e) {
                    // removed by a merge while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure day " + name(), e);
        }
        return total;
    }

    /** Closes the index after a last commit. */
    @Override
    public void close() throws IOException {
        stampCommit();
        IOUtils.close(searchers, writer, directory);
    }

    /** Closes the index without committing and removes its directory. */
    void delete() throws IOException {
        IOUtils.closeWhileHandlingException(searchers);
        writer.rollback();
        directory.close();
        IOUtils.rm(path);
    }
}
