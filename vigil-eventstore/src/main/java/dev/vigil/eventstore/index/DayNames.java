package dev.vigil.eventstore.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The UTC day an event belongs to and the name of that day's index directory ({@code yyyy-MM-dd}). */
public final class DayNames {

    private DayNames() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static String name(LocalDate day) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(day);
    }

    /** The day a directory name stands for, if it is exactly such a name. */
    public static Optional<LocalDate> parse(String name) {
        try {
            LocalDate day = LocalDate.parse(name, DateTimeFormatter.ISO_LOCAL_DATE);
            return name(day).equals(name) ? Optional.of(day) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first instant after the day. */
    public static Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
