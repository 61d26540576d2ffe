package dev.vigil.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import dev.vigil.eventstore.aggregation.CardinalityAggregation;
import dev.vigil.eventstore.aggregation.DateHistogramAggregation;
import dev.vigil.eventstore.aggregation.TermsAggregation;
import dev.vigil.eventstore.index.DayIndex;
import dev.vigil.eventstore.index.DayIndexes;
import dev.vigil.eventstore.index.DayNames;
import dev.vigil.eventstore.index.RetentionPlan;
import dev.vigil.eventstore.index.SearchSnapshot;
import dev.vigil.eventstore.mapping.EventAnalyzer;
import dev.vigil.eventstore.mapping.EventDocumentMapper;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import dev.vigil.eventstore.mapping.IndexedFields;
import dev.vigil.eventstore.query.EventQueryCompiler;
import dev.vigil.eventstore.search.EventPages;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.IOUtils;

/**
 * The embedded event store: one Lucene index per UTC day of {@code @timestamp} under the store directory
 * ({@code yyyy-MM-dd}), searched together through near-real-time readers of the days a query's time range touches.
 *
 * <p>Thread-safe: any number of searches run alongside writes, and {@link #store} may be called from several threads.
 * Retention and {@link #close} wait for running calls to finish. One process at a time owns a store directory.
 */
public final class LuceneEventStore implements EventStore {
    private static final String LOCK_NAME = "store.lock";

    private final Path directory;
    private final Directory lockDirectory;
    private final Lock lock;
    private final DayIndexes days;
    private final FieldTypeRegistry types;
    private final EventIndexing indexing;
    private final EventQueryCompiler compiler;
    private final EventPages pages;
    private final DateHistogramAggregation histograms;
    private final TermsAggregation terms = new TermsAggregation();
    private final CardinalityAggregation cardinalities;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private LuceneEventStore(Path directory, Directory lockDirectory, Lock lock, DayIndexes days, FieldTypeRegistry types,
                             Analyzer analyzer, LuceneStoreSettings settings) {
        this.directory = directory;
        this.lockDirectory = lockDirectory;
        this.lock = lock;
        this.days = days;
        this.types = types;
        this.indexing = new EventIndexing(new EventDocumentMapper(types, settings.maxKeywordBytes()), types, days,
                settings.indexingThreads());
        this.compiler = new EventQueryCompiler(types, analyzer);
        this.pages = new EventPages(settings.maxResultWindow());
        this.histograms = new DateHistogramAggregation(settings.maxHistogramBuckets());
        this.cardinalities = new CardinalityAggregation(settings.cardinalityExactThreshold());
    }

    /**
     * Opens (creating if needed) the store in {@code directory}.
     *
     * @throws IllegalStateException when another process, or another store in this one, has the directory open
     */
    public static LuceneEventStore open(Path directory, LuceneStoreSettings settings) {
        Directory lockDirectory = null;
        Lock lock = null;
        try {
            Files.createDirectories(directory);
            lockDirectory = FSDirectory.open(directory, NativeFSLockFactory.INSTANCE);
            lock = lockDirectory.obtainLock(LOCK_NAME);
            Analyzer analyzer = EventAnalyzer.create();
            FieldTypeRegistry types = FieldTypeRegistry.open(directory, settings.maxFields());
            DayIndexes days = DayIndexes.open(directory, settings.ramBufferMb(), analyzer);
            return new LuceneEventStore(directory, lockDirectory, lock, days, types, analyzer, settings);
        } catch (LockObtainFailedException e) {
            IOUtils.closeWhileHandlingException(lock, lockDirectory);
            throw new IllegalStateException("the event store at " + directory + " is already open in another process "
                    + "(or elsewhere in this one): " + directory.resolve(LOCK_NAME) + " is locked", e);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(lock, lockDirectory);
            throw new UncheckedIOException("could not open the event store at " + directory, e);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(lock, lockDirectory);
            throw e;
        }
    }

    @Override
    public void store(List<Event> events) {
        whileOpen(() -> indexing.store(events));
    }

    @Override
    public void append(List<Event> events) {
        whileOpen(() -> indexing.append(events));
    }

    @Override
    public void refresh() {
        whileOpen(() -> days.all().forEach(DayIndex::refresh));
    }

    @Override
    public void commit() {
        whileOpen(() -> days.all().forEach(DayIndex::commit));
    }

    /**
     * Merges every day that ended at least an hour before {@code now} into one segment, unless it already is one, and
     * returns those days. Past days stop changing, so this is done once per day; it takes time in proportion to the
     * day's size (about a minute for a few million events), so call it from a background thread, e.g. nightly.
     * Retention and {@link #close} wait for it.
     */
    public List<String> compactFinishedDays(Instant now) {
        LocalDate lastFinished = DayNames.dayOf(now.minus(Duration.ofHours(1))).minusDays(1);
        return readWhileOpen(() -> {
            List<String> compacted = new ArrayList<>();
            for (DayIndex day : days.between(null, lastFinished)) {
                if (day.compact()) {
                    compacted.add(day.name());
                }
            }
            return compacted;
        });
    }

    @Override
    public SearchResult search(SearchRequest request) {
        pages.validate(request.from(), request.size());
        return searching(request.query(), (searcher, query) -> pages.page(searcher, query, request.from(), request.size(),
                request.sort() == null ? Sort.NEWEST_FIRST : request.sort()));
    }

    @Override
    public long count(EventQuery query) {
        return searching(query, (searcher, compiled) -> {
            try {
                return (long) searcher.count(compiled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<Event> get(String id, TenantScope tenants) {
        Query byId = compiler.tenantFilter(tenants, new TermQuery(new Term(IndexedFields.ID, id)));
        return readWhileOpen(() -> {
            for (DayIndex day : days.newestFirst()) {
                IndexSearcher searcher = day.acquire();
                try {
                    TopDocs hits = searcher.search(byId, 1);
                    if (hits.scoreDocs.length > 0) {
                        return Optional.of(pages.read(searcher.storedFields(), hits.scoreDocs[0].doc));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    day.release(searcher);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Histogram dateHistogram(EventQuery query, Duration interval) {
        return searching(query, (searcher, compiled) ->
                histograms.compute(searcher, compiled, query.from(), query.to(), interval));
    }

    @Override
    public TermsResult terms(EventQuery query, String field, int size) {
        return searching(query, (searcher, compiled) ->
                terms.compute(searcher, compiled, field, types.kindOf(field), size));
    }

    @Override
    public long cardinality(EventQuery query, String field) {
        return searching(query, (searcher, compiled) ->
                cardinalities.compute(searcher, compiled, field, types.kindOf(field)));
    }

    @Override
    public RetentionResult applyRetention(Instant now, Duration maxAge, long maxBytes) {
        lifecycle.writeLock().lock();
        try {
            requireOpen();
            TreeMap<LocalDate, Long> sizes = new TreeMap<>();
            Map<LocalDate, DayIndex> byDay = new HashMap<>();
            for (DayIndex day : days.all()) {
                sizes.put(day.day(), day.sizeInBytes());
                byDay.put(day.day(), day);
            }
            List<String> deleted = new ArrayList<>();
            long freed = 0;
            for (LocalDate day : RetentionPlan.daysToDelete(sizes, now, maxAge, maxBytes)) {
                days.delete(byDay.get(day));
                deleted.add(DayNames.name(day));
                freed += sizes.get(day);
            }
            return new RetentionResult(deleted, freed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not apply retention to the event store at " + directory, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public StoreStats stats() {
        return readWhileOpen(() -> {
            long events = 0;
            long bytes = 0;
            List<String> names = new ArrayList<>();
            for (DayIndex day : days.all()) {
                events += day.liveEvents();
                bytes += day.sizeInBytes();
                names.add(day.name());
            }
            try {
                if (Files.exists(types.file())) {
                    bytes += Files.size(types.file());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new StoreStats(events, bytes, names);
        });
    }

    /** Commits every day, then closes the indexes and releases the directory. Calling it again does nothing. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOUtils.close(indexing, days, lock, lockDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the event store at " + directory, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private <T> T searching(EventQuery query, SearchAction<T> action) {
        Query compiled = compiler.compile(query);
        return readWhileOpen(() -> {
            LocalDate first = query.from() == null ? null : DayNames.dayOf(query.from());
            LocalDate last = query.to() == null ? null : DayNames.dayOf(query.to().minusNanos(1));
            try (SearchSnapshot snapshot = SearchSnapshot.of(days.between(first, last))) {
                return action.apply(snapshot.searcher(), compiled);
            }
        });
    }

    private void whileOpen(Runnable action) {
        readWhileOpen(() -> {
            action.run();
            return null;
        });
    }

    /** Runs alongside other calls but never alongside retention or close. */
    private <T> T readWhileOpen(Supplier<T> action) {
        lifecycle.readLock().lock();
        try {
            requireOpen();
            return action.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the event store at " + directory + " is closed");
        }
    }

    @FunctionalInterface
    private interface SearchAction<T> {
        T apply(IndexSearcher searcher, Query query);
    }
}
