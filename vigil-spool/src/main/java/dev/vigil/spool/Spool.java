package dev.vigil.spool;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

import java.time.Duration;
import java.util.List;

/**
 * The durable write-ahead spool between the inputs and the processing stages.
 *
 * <p>An input calls {@link #append} and acknowledges to its sender only after it returned: by then the events are on
 * disk (fsync, group-committed with concurrent appenders). Processing reads in sequence order, and once the results
 * are durable downstream it calls {@link #markProcessed}; after a crash it resumes after the last mark, so events may
 * be processed twice but never lost (their ids are stable, so the store keeps one copy).
 */
public interface Spool extends AutoCloseable {

    /**
     * Appends events durably; returns the sequence of the last one. The events get consecutive sequences, in order.
     *
     * @throws SpoolFullException when the spool is above its high-water mark (the caller answers 429 / stops reading)
     * @throws SpoolWriteException when the disk refuses the write (full, read-only); nothing partial stays behind
     */
    long append(List<RawEvent> events);

    /** True while unprocessed data is above the high-water mark; inputs use it to push back before appending. */
    boolean overHighWaterMark();

    /**
     * Up to {@code max} durable events with a sequence greater than {@code afterSequence}, in sequence order; waits up
     * to {@code wait} only while there are none, and returns an empty list when the wait runs out.
     */
    List<SpooledEvent> read(long afterSequence, int max, Duration wait) throws InterruptedException;

    /**
     * Records durably that every event up to {@code sequence} is processed; fully processed segments are deleted.
     * A sequence at or below the current mark changes nothing.
     */
    void markProcessed(long sequence);

    /** The last sequence marked processed (0 when none): where processing resumes after a restart. */
    long processedSequence();

    /** The last sequence appended (0 when none). */
    long lastSequence();

    /** The id of the event at {@code sequence}, whether it is appended yet or not (the one {@link #read} gives it). */
    String eventId(long sequence);

    /** Bytes on disk not yet marked processed. */
    long backlogBytes();

    /** Counters since the spool was opened. */
    SpoolStats stats();

    @Override
    void close();
}
