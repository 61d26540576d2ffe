package dev.vigil.eventstore.index;

/**
 * Initialises Lucene's classes whose static initialisers depend on each other in a cycle ({@code IndexWriter},
 * {@code ConcurrentMergeScheduler}, {@code SegmentReader} and {@code FilterIndexInput}, all through
 * {@code TestSecrets}) from one thread, before any store uses them. When two threads start on different ones at the
 * same time the JVM's class-initialisation locks deadlock both (apache/lucene#12419 and #15119); seen here as an
 * ingest pipeline hanging while it opened a day's index. Fixed upstream only after the Lucene version in use.
 */
public final class LuceneClassInit {
    private static final String[] CYCLE = {
            "org.apache.lucene.index.IndexWriter",
            "org.apache.lucene.index.ConcurrentMergeScheduler",
            "org.apache.lucene.index.SegmentReader",
            "org.apache.lucene.store.FilterIndexInput",
    };

    static {
        ClassLoader loader = LuceneClassInit.class.getClassLoader();
        for (String name : CYCLE) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException absentInThisVersion) {
                // a later Lucene may have moved or removed it; nothing to initialise then
            }
        }
    }

    private LuceneClassInit() {
    }

    /** Returns once the classes are initialised; threads arriving meanwhile wait on this class's own lock. */
    public static void ensure() {
        // the static initialiser does the work; calling a static method triggers it exactly once
    }
}
