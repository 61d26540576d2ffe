package dev.vigil.spool;

/**
 * Counters of a spool since it was opened, for metrics and the operator.
 *
 * @param appends              successful {@link Spool#append} calls
 * @param appendedEvents       events in those calls
 * @param fsyncs               fsyncs of segment data; with group commit far fewer than appends under load
 * @param failedWrites         writes or fsyncs the disk refused (each failed every append waiting for it)
 * @param truncatedBytesAtOpen bytes of a torn write at the end of the last segment that were dropped at open
 * @param segments             segment files currently kept
 */
public record SpoolStats(long appends, long appendedEvents, long fsyncs, long failedWrites, long truncatedBytesAtOpen,
                         int segments) {
}
