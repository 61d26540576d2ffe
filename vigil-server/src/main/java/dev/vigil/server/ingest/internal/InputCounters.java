package dev.vigil.server.ingest.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-input counters (events, bytes, parse errors, drops, last seen), counted in memory on the hot path and written
 * to ingest_input_stats periodically by {@link InputHealthJob}, so they survive restarts (to within one period).
 */
@Component
public class InputCounters {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Counter> counters = new ConcurrentHashMap<>();
    private final LongAdder unmatchedSyslog = new LongAdder();
    private volatile boolean loaded;

    InputCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void accepted(UUID input, int events, long bytes) {
        Counter counter = counter(input);
        counter.events.add(events);
        counter.bytes.add(bytes);
        counter.lastSeenMillis.accumulateAndGet(clock.millis(), Math::max);
    }

    public void parseErrors(UUID input, int count) {
        counter(input).parseErrors.add(count);
    }

    public void dropped(UUID input, int count) {
        counter(input).dropped.add(count);
    }

    /** Syslog messages from senders that no enabled syslog input claims. */
    public void unmatchedSyslog(int count) {
        unmatchedSyslog.add(count);
    }

    public long unmatchedSyslog() {
        return unmatchedSyslog.sum();
    }

    public Optional<Snapshot> snapshot(UUID input) {
        ensureLoaded();
        Counter counter = counters.get(input);
        return counter == null ? Optional.empty() : Optional.of(counter.snapshot());
    }

    public Map<UUID, Snapshot> snapshots() {
        ensureLoaded();
        Map<UUID, Snapshot> result = new java.util.HashMap<>();
        counters.forEach((id, counter) -> result.put(id, counter.snapshot()));
        return result;
    }

    /** Writes the current totals; inputs deleted meanwhile are skipped and forgotten. */
    void flush() {
        ensureLoaded();
        counters.forEach((id, counter) -> {
            Snapshot s = counter.snapshot();
            int updated = jdbc.sql("""
                    UPDATE ingest_input_stats SET events = ?, bytes = ?, parse_errors = ?, dropped = ?, last_seen_at = ?
                    WHERE input_id = ?""")
                    .params(s.events(), s.bytes(), s.parseErrors(), s.dropped(),
                            s.lastSeenAt() == null ? null : Timestamp.from(s.lastSeenAt()), id)
                    .update();
            if (updated == 0) {
                counters.remove(id);
            }
        });
    }

    private Counter counter(UUID input) {
        ensureLoaded();
        return counters.computeIfAbsent(input, id -> new Counter());
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            jdbc.sql("SELECT input_id, events, bytes, parse_errors, dropped, last_seen_at FROM ingest_input_stats")
                    .query(rs -> {
                        Counter counter = counters.computeIfAbsent(rs.getObject("input_id", UUID.class), id -> new Counter());
                        counter.events.add(rs.getLong("events"));
                        counter.bytes.add(rs.getLong("bytes"));
                        counter.parseErrors.add(rs.getLong("parse_errors"));
                        counter.dropped.add(rs.getLong("dropped"));
                        Timestamp lastSeen = rs.getTimestamp("last_seen_at");
                        if (lastSeen != null) {
                            counter.lastSeenMillis.accumulateAndGet(lastSeen.getTime(), Math::max);
                        }
                    });
            loaded = true;
        }
    }

    /** Totals of one input at one moment. */
    public record Snapshot(long events, long bytes, long parseErrors, long dropped, Instant lastSeenAt) {
    }

    private static final class Counter {
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder parseErrors = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final AtomicLong lastSeenMillis = new AtomicLong(Long.MIN_VALUE);

        Snapshot snapshot() {
            long lastSeen = lastSeenMillis.get();
            return new Snapshot(events.sum(), bytes.sum(), parseErrors.sum(), dropped.sum(),
                    lastSeen == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastSeen));
        }
    }
}
