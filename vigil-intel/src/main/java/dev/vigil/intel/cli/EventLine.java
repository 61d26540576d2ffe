package dev.vigil.intel.cli;

import java.time.Instant;
import java.util.Map;

/** One event read from a JSON-lines file: its 0-based position among the events, its fields and its time if given. */
record EventLine(long index, long line, Map<String, Object> fields, Instant timestamp) {
}
