package dev.vigil.events;

/**
 * A raw event with its place in the spool. The id is derived from the spool's identity and the sequence, so a replay
 * after a crash yields the same id and the store and the alerting stay free of duplicates.
 *
 * @param id       stable event id
 * @param sequence position in the spool, strictly increasing from 1
 * @param raw      the event as accepted
 */
public record SpooledEvent(String id, long sequence, RawEvent raw) {
}
