package dev.vigil.eventstore.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.vigil.eventstore.mapping.EpochMillis;
import dev.vigil.eventstore.mapping.FieldValues;

/** Times written in queries: epoch milliseconds, an ISO instant ({@code 2024-05-01T10:00:00Z}), a UTC date-time or a UTC date. */
final class TimeValues {

    private TimeValues() {
    }

    static long millis(String field, String text) throws InvalidQueryValueException {
        Long number = FieldValues.parseLong(text);
        if (number != null) {
            return number;
        }
        Optional<LocalDate> day = date(text);
        if (day.isPresent()) {
            return EpochMillis.of(day.get().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        try {
            return EpochMillis.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return EpochMillis.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new InvalidQueryValueException("'" + text + "' is not a time for " + field
                    + "; write 2024-05-01, 2024-05-01T10:00:00Z or epoch milliseconds");
        }
    }

    /** The text as a plain date (which, in an exact query, means the whole UTC day). */
    static Optional<LocalDate> date(String text) {
        if (text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
