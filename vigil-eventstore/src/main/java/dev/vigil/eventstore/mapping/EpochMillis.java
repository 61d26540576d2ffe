package dev.vigil.eventstore.mapping;

import java.time.Instant;

/** Instants as the epoch milliseconds the index holds; instants beyond a long's range saturate instead of failing. */
public final class EpochMillis {

    private EpochMillis() {
    }

    public static long of(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
