package dev.vigil.vuln.advisory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps of advisory records; CVE records also write them without a zone, which means UTC. */
final class RecordDates {

    private RecordDates() {
    }

    /** The instant, or null when the text is absent or not a timestamp. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
