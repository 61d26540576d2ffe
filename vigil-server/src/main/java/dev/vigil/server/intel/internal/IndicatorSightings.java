package dev.vigil.server.intel.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts matches per indicator on the event path in memory and writes them to intel_sighting every few seconds, so
 * matching never waits for the database.
 */
@Component
public class IndicatorSightings {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSightings.class);

    private static final class Tally {
        long count;
        Instant first;
        Instant last;

        synchronized void add(Instant at) {
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    private final JdbcTemplate jdbc;
    private volatile ConcurrentHashMap<String, Tally> pending = new ConcurrentHashMap<>();

    IndicatorSightings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One match of the indicator ({@code <feed id>|<ref>}) by an event at {@code at}. */
    public void count(String indicatorId, Instant at) {
        pending.computeIfAbsent(indicatorId, id -> new Tally()).add(at);
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    @PreDestroy
    public synchronized void flush() {
        ConcurrentHashMap<String, Tally> taken = pending;
        if (taken.isEmpty()) {
            return;
        }
        pending = new ConcurrentHashMap<>();
        List<Object[]> rows = new ArrayList<>(taken.size());
        for (Map.Entry<String, Tally> entry : taken.entrySet()) {
            int bar = entry.getKey().indexOf('|');
            Tally tally = entry.getValue();
            synchronized (tally) {
                rows.add(new Object[] {UUID.fromString(entry.getKey().substring(0, bar)), entry.getKey().substring(bar + 1), tally.count,
                        Timestamp.from(tally.first), Timestamp.from(tally.last)});
            }
        }
        try {
            jdbc.batchUpdate("""
                    INSERT INTO intel_sighting (feed_id, ref, sightings, first_sighted, last_sighted)
                    SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM intel_feed WHERE id = ?)
                    ON CONFLICT (feed_id, ref) DO UPDATE SET sightings = intel_sighting.sightings + excluded.sightings,
                        first_sighted = least(intel_sighting.first_sighted, excluded.first_sighted),
                        last_sighted = greatest(intel_sighting.last_sighted, excluded.last_sighted)""",
                    rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[0]}).toList());
        } catch (RuntimeException e) {
            log.warn("indicator sightings could not be written ({} indicators): {}", rows.size(), e.toString());
        }
    }
}
