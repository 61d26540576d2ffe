package dev.vigil.server.detection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hit counts and last-hit times per rule, counted in memory on the event path and added to the database every few
 * seconds (a crash loses at most that interval of counts, never alerts).
 */
@Component
class RuleHitCounter {

    private record Pending(long hits, Instant lastHit) {
        Pending add(Instant at) {
            return new Pending(hits + 1, lastHit == null || at.isAfter(lastHit) ? at : lastHit);
        }
    }

    private final JdbcClient jdbc;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    RuleHitCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void hit(UUID ruleId, Instant at) {
        pending.compute(ruleId, (id, p) -> p == null ? new Pending(1, at) : p.add(at));
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void flush() {
        for (UUID ruleId : pending.keySet()) {
            Pending taken = pending.remove(ruleId);
            if (taken == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO detection_rule_stats (rule_id, hits, last_hit) VALUES (?, ?, ?)
                    ON CONFLICT (rule_id) DO UPDATE SET hits = detection_rule_stats.hits + excluded.hits,
                        last_hit = greatest(detection_rule_stats.last_hit, excluded.last_hit)""")
                    .params(ruleId, taken.hits(), Timestamp.from(taken.lastHit())).update();
        }
    }
}
