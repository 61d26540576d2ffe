package dev.vigil.intel.taxii;

import java.time.Instant;

/**
 * What one poll of a collection fetched: how many pages and objects, and the {@code X-TAXII-Date-Added-Last} of the
 * last page, to be sent as {@code added_after} next time (null when the server sent nothing new).
 */
public record TaxiiPoll(int pages, int objects, Instant addedLast) {
}
