package dev.vigil.server.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Response metrics over the incidents declared in a period, per level and per month: time to detect (started →
 * detected), acknowledge (declared → triage), contain (declared → contained) and resolve (declared → closed) as mean
 * and median seconds over the incidents that reached that point, and SLA compliance per timer.
 */
@Service
public class IncidentMetrics {

    public static final int MAX_INCIDENTS = 100_000;

    private final JdbcClient jdbc;
    private final IncidentStore store;
    private final SlaPolicy sla;
    private final Clock clock;

    IncidentMetrics(JdbcClient jdbc, IncidentStore store, SlaPolicy sla, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.sla = sla;
        this.clock = clock;
    }

    /** Mean and median of one duration, over {@code count} incidents. */
    public record Stat(long count, Long meanSeconds, Long medianSeconds) {
    }

    /** SLA compliance of one timer: met in time, met late, breached (running past due); compliance = met / all three. */
    public record Compliance(long met, long metLate, long breached, Double compliance) {
    }

    public record Group(String key, long incidents, long closed, Stat timeToDetect, Stat timeToAcknowledge, Stat timeToContain,
                        Stat timeToResolve, Map<String, Compliance> sla) {
    }

    public record Metrics(Instant from, Instant to, String tenant, Group overall, List<Group> byLevel, List<Group> byMonth) {
    }

    /** Over the incidents declared in [from, to) (default: the last 90 days), of one tenant or all the caller may read. */
    public Metrics compute(Instant from, Instant to, String tenant) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(90)) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-input", "from must lie before to");
        }
        List<String> visible = store.tenants("read");
        if (tenant != null && !tenant.isBlank()) {
            if (visible != null && !visible.contains(tenant)) {
                throw ProblemException.forbidden("forbidden", "missing permission incident:read for tenant " + tenant);
            }
            visible = List.of(tenant);
        }
        String sql = "SELECT " + IncidentRow.COLUMNS + " FROM incident WHERE created_at >= ? AND created_at < ?"
                + (visible == null ? "" : " AND tenant = ANY (?)") + " ORDER BY created_at LIMIT " + MAX_INCIDENTS;
        var query = jdbc.sql(sql).param(Timestamp.from(start)).param(Timestamp.from(end));
        if (visible != null) {
            query = query.param(visible.toArray(String[]::new));
        }
        List<IncidentRow> rows = query.query(IncidentRow::map).list();
        Instant now = clock.instant();
        Map<String, List<IncidentRow>> byLevel = new TreeMap<>();
        Map<String, List<IncidentRow>> byMonth = new TreeMap<>();
        for (IncidentRow row : rows) {
            byLevel.computeIfAbsent(Level.label(row.effectiveLevel()), k -> new ArrayList<>()).add(row);
            byMonth.computeIfAbsent(YearMonth.from(row.createdAt().atOffset(ZoneOffset.UTC)).toString(), k -> new ArrayList<>()).add(row);
        }
        return new Metrics(start, end, tenant == null || tenant.isBlank() ? null : tenant, group("all", rows, now),
                byLevel.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), now)).toList(),
                byMonth.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), now)).toList());
    }

    private Group group(String key, List<IncidentRow> rows, Instant now) {
        Map<String, Compliance> compliance = new LinkedHashMap<>();
        for (String timer : SlaPolicy.TIMERS) {
            long met = 0;
            long late = 0;
            long breached = 0;
            for (IncidentRow row : rows) {
                SlaTimer t = sla.timers(row.effectiveLevel(), row.createdAt(), row.triageAt(), row.containedAt(), row.closedAt(), now)
                        .stream().filter(x -> x.name().equals(timer)).findFirst().orElseThrow();
                switch (t.state()) {
                    case "met" -> met++;
                    case "met-late" -> late++;
                    case "breached" -> breached++;
                    default -> {
                    }
                }
            }
            long all = met + late + breached;
            compliance.put(timer, new Compliance(met, late, breached, all == 0 ? null : (double) met / all));
        }
        return new Group(key, rows.size(), rows.stream().filter(r -> r.closedAt() != null).count(),
                stat(rows, r -> r.startedAt() == null ? null : Duration.between(r.startedAt(), r.detectedAt())),
                stat(rows, r -> between(r.createdAt(), r.triageAt())), stat(rows, r -> between(r.createdAt(), r.containedAt())),
                stat(rows, r -> between(r.createdAt(), r.closedAt())), compliance);
    }

    private static Duration between(Instant start, Instant end) {
        return end == null ? null : Duration.between(start, end);
    }

    private static Stat stat(List<IncidentRow> rows, Function<IncidentRow, Duration> measure) {
        List<Long> seconds = rows.stream().map(measure).filter(d -> d != null && !d.isNegative()).map(Duration::toSeconds).sorted().toList();
        if (seconds.isEmpty()) {
            return new Stat(0, null, null);
        }
        long mean = Math.round(seconds.stream().mapToLong(Long::longValue).average().orElse(0));
        int n = seconds.size();
        long median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
        return new Stat(n, mean, median);
    }
}
