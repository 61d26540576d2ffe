package dev.vigil.events.parse.time;

import java.time.Instant;

/**
 * A timestamp read at the start of some text.
 *
 * @param instant the point in time
 * @param end     the index just past the timestamp's last character
 */
public record TimestampMatch(Instant instant, int end) {
}
