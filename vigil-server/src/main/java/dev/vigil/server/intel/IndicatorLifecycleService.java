package dev.vigil.server.intel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.intel.allowlist.Allowlist;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.intel.internal.AllowlistRows;
import dev.vigil.server.intel.internal.IndicatorMatcher;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What keeps indicators trustworthy beyond their feeds: the allowlist (shipped resolvers and CDNs plus the own address
 * ranges and domains) that suppresses indicators, and analysts' verdicts — a value marked false positive or revoked
 * is matched in no feed, in live matching and retro-hunts alike, until the verdict is lifted. Both apply to every
 * tenant, so changing them needs intel:update everywhere; every change is audited with its reason.
 */
@Service
public class IndicatorLifecycleService {

    public static final Set<String> VERDICTS = Set.of("false-positive", "revoked");

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AllowlistRows allowlist;
    private final IndicatorMatcher matcher;

    IndicatorLifecycleService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, ApplicationEventPublisher events,
            AllowlistRows allowlist, IndicatorMatcher matcher) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.allowlist = allowlist;
        this.matcher = matcher;
    }

    /** The shipped entries, then the own ones. */
    public List<AllowlistEntryView> allowlist() {
        requireReader();
        return java.util.stream.Stream.concat(AllowlistRows.shipped().stream(), allowlist.own().stream()).toList();
    }

    @Transactional
    public AllowlistEntryView allow(String value, boolean subdomains, String note) {
        requireEverywhere();
        String canonical;
        try {
            canonical = Allowlist.canonical(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-input", e.getMessage());
        }
        if (jdbc.sql("SELECT count(*) FROM intel_allowlist WHERE value = ?").param(canonical).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", canonical + " is allowlisted already");
        }
        UUID id = UUID.randomUUID();
        String text = note == null ? "" : note.strip();
        jdbc.sql("INSERT INTO intel_allowlist (id, value, subdomains, note, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, canonical, subdomains, text, access.requireCurrent().username()).update();
        audit.record(AuditEntry.success("intel.allowlist.add", "intel-allowlist", id, null,
                Map.of("value", canonical, "subdomains", subdomains, "note", text)));
        events.publishEvent(new IndicatorsChanged("allowlist"));
        return allowlist.own().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void disallow(UUID id) {
        requireEverywhere();
        String value = jdbc.sql("SELECT value FROM intel_allowlist WHERE id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("allowlist entry", id));
        jdbc.sql("DELETE FROM intel_allowlist WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("intel.allowlist.remove", "intel-allowlist", id, null, Map.of("value", value)));
        events.publishEvent(new IndicatorsChanged("allowlist"));
    }

    /** The indicators the allowlist keeps out of the live matcher (as of its last rebuild). */
    public SuppressionReport suppressed() {
        requireReader();
        return matcher.suppressed();
    }

    public List<VerdictView> verdicts() {
        requireReader();
        return jdbc.sql("SELECT id, value, verdict, reason, created_by, created_at FROM intel_verdict ORDER BY created_at DESC")
                .query((rs, n) -> new VerdictView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    /** Marks a value false positive or revoked in every feed; the reason is required and audited. */
    @Transactional
    public VerdictView judge(String value, String verdict, String reason) {
        requireEverywhere();
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ProblemException.badRequest("invalid-input", "value is required (at most 2000 characters)");
        }
        if (verdict == null || !VERDICTS.contains(verdict)) {
            throw ProblemException.badRequest("invalid-input", "verdict must be false-positive or revoked");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "a reason is required");
        }
        String key = text.toLowerCase(Locale.ROOT);
        if (jdbc.sql("SELECT count(*) FROM intel_verdict WHERE value_key = ?").param(key).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "'" + text + "' has a verdict already; lift it first");
        }
        int indicators = jdbc.sql("SELECT count(*) FROM intel_indicator WHERE lower(value) = ?").param(key).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO intel_verdict (id, value_key, value, verdict, reason, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, key, text, verdict, reason.strip(), access.requireCurrent().username()).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", text);
        body.put("verdict", verdict);
        body.put("reason", reason.strip());
        body.put("indicators", indicators);
        audit.record(AuditEntry.success("intel.indicator." + verdict, "intel-verdict", id, null, body));
        events.publishEvent(new IndicatorsChanged("verdict"));
        return verdicts().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void lift(UUID id, String reason) {
        requireEverywhere();
        VerdictView verdict = verdicts().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("verdict", id));
        jdbc.sql("DELETE FROM intel_verdict WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("intel.verdict.lift", "intel-verdict", id, null, Map.of("value", verdict.value(),
                "verdict", verdict.verdict(), "reason", reason == null ? "" : reason.strip())));
        events.publishEvent(new IndicatorsChanged("verdict"));
    }

    private void requireReader() {
        if (!access.requireCurrent().can("intel", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission intel:read");
        }
    }

    private void requireEverywhere() {
        if (!access.requireCurrent().canEverywhere("intel", "update")) {
            throw ProblemException.forbidden("forbidden", "allowlist and verdicts apply to every tenant: intel:update for every tenant is needed");
        }
    }
}
