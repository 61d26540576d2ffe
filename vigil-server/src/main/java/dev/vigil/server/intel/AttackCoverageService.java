package dev.vigil.server.intel;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.intel.attack.AttackBundleReader;
import dev.vigil.intel.attack.AttackMatrix;
import dev.vigil.intel.attack.AttackTactic;
import dev.vigil.intel.attack.AttackTechnique;
import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.server.alerting.AlertFilter;
import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.intel.internal.IndicatorContext;
import dev.vigil.server.intel.internal.RuleTechniques;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MITRE ATT&CK: matrices loaded from the STIX bundle a user provides, and the coverage of their techniques by the
 * detection rules' {@code attack.*} tags and by recent alerts: detection alerts by their rule's tags, intel alerts by the
 * techniques their feeds relate the indicator to.
 */
@Service
public class AttackCoverageService {

    public static final int MAX_DAYS = 365;
    static final int RULES_SHOWN = 5;
    static final int MAX_ALERTS = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final RuleTechniques rules;
    private final AlertService alerts;
    private final Clock clock;

    AttackCoverageService(JdbcClient jdbc, JdbcTemplate template, AccessPolicy access, AuditLog audit, RuleTechniques rules,
            AlertService alerts, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.access = access;
        this.audit = audit;
        this.rules = rules;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Loads (or replaces) the matrix of an ATT&CK STIX bundle. */
    @Transactional
    public AttackMatrixView load(byte[] bundle) {
        if (!access.requireCurrent().canEverywhere("intel", "update")) {
            throw ProblemException.forbidden("forbidden", "loading ATT&CK needs intel:update for every tenant");
        }
        if (bundle == null || bundle.length == 0) {
            throw ProblemException.badRequest("invalid-upload", "the upload is empty");
        }
        AttackMatrix matrix;
        try {
            matrix = new AttackBundleReader().read(new ByteArrayInputStream(bundle), Path.of("upload"));
        } catch (FeedFormatException e) {
            throw ProblemException.badRequest("invalid-bundle", e.getMessage());
        }
        jdbc.sql("DELETE FROM intel_attack_matrix WHERE id = ?").param(matrix.id()).update();
        jdbc.sql("INSERT INTO intel_attack_matrix (id, name, loaded_by) VALUES (?, ?, ?)")
                .params(matrix.id(), matrix.name(), access.requireCurrent().username()).update();
        List<Object[]> tactics = new ArrayList<>();
        for (int i = 0; i < matrix.tactics().size(); i++) {
            AttackTactic tactic = matrix.tactics().get(i);
            tactics.add(new Object[] {matrix.id(), tactic.id(), tactic.name(), tactic.shortName(), i});
        }
        template.batchUpdate("INSERT INTO intel_attack_tactic (matrix_id, id, name, short_name, position) VALUES (?, ?, ?, ?, ?)", tactics);
        Map<String, AttackTechnique> unique = new LinkedHashMap<>();
        matrix.techniques().forEach(t -> unique.putIfAbsent(t.id(), t));
        template.batchUpdate("INSERT INTO intel_attack_technique (matrix_id, id, name, tactics, subtechnique, url) VALUES (?, ?, ?, ?, ?, ?)",
                unique.values().stream().map(t -> new Object[] {matrix.id(), t.id(), t.name(), String.join(",", t.tactics()),
                        t.subtechnique(), t.url()}).toList());
        audit.record(AuditEntry.success("intel.attack.load", "attack-matrix", matrix.id(), null, Map.of("name", matrix.name(),
                "tactics", tactics.size(), "techniques", unique.size())));
        return matrices().stream().filter(m -> m.id().equals(matrix.id())).findFirst().orElseThrow();
    }

    public List<AttackMatrixView> matrices() {
        requireReader();
        return jdbc.sql("""
                SELECT m.id, m.name, (SELECT count(*) FROM intel_attack_tactic t WHERE t.matrix_id = m.id),
                       (SELECT count(*) FROM intel_attack_technique t WHERE t.matrix_id = m.id), m.loaded_by, m.loaded_at
                FROM intel_attack_matrix m ORDER BY m.id""")
                .query((rs, n) -> new AttackMatrixView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).list();
    }

    /** The coverage matrix; needs rule:read and alert:read besides intel:read (alerts of the caller's tenants). */
    public AttackCoverage coverage(String matrixId, int days) {
        requireReader();
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.badRequest("invalid-input", "days must be 1-" + MAX_DAYS);
        }
        String name = jdbc.sql("SELECT name FROM intel_attack_matrix WHERE id = ?").param(matrixId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("ATT&CK matrix", matrixId));
        Map<String, List<String>> enabledRules = new HashMap<>();
        Map<String, List<String>> techniquesBySigmaId = new HashMap<>();
        for (RuleTechniques.Tagged tagged : rules.all()) {
            techniquesBySigmaId.put(tagged.rule().sigmaId(), tagged.techniques());
            if (tagged.rule().enabled()) {
                for (String technique : tagged.techniques()) {
                    enabledRules.computeIfAbsent(technique, t -> new ArrayList<>()).add(tagged.rule().title());
                }
            }
        }
        Map<String, Integer> alertCounts = new HashMap<>();
        Instant since = clock.instant().minus(Duration.ofDays(days));
        countAlerts("detection", since, alert -> techniquesBySigmaId.getOrDefault(alert.ruleRef(), List.of()), alertCounts);
        countAlerts("intel", since, AttackCoverageService::intelTechniques, alertCounts);
        Map<String, List<AttackCoverage.Technique>> byTactic = new LinkedHashMap<>();
        List<String[]> tactics = jdbc.sql("SELECT id, name, short_name FROM intel_attack_tactic WHERE matrix_id = ? ORDER BY position")
                .param(matrixId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        tactics.forEach(t -> byTactic.put(t[2], new ArrayList<>()));
        int[] counts = new int[3];
        jdbc.sql("SELECT id, name, url, tactics FROM intel_attack_technique WHERE matrix_id = ? ORDER BY id").param(matrixId).query(rs -> {
            String id = rs.getString(1);
            List<String> ruleTitles = new ArrayList<>(enabledRules.getOrDefault(id, List.of()));
            int alerted = alertCounts.getOrDefault(id, 0);
            if (!id.contains(".")) {
                // A rule or alert on a sub-technique covers its technique too.
                enabledRules.forEach((tagged, titles) -> {
                    if (tagged.startsWith(id + ".")) {
                        ruleTitles.addAll(titles);
                    }
                });
                for (Map.Entry<String, Integer> count : alertCounts.entrySet()) {
                    if (count.getKey().startsWith(id + ".")) {
                        alerted += count.getValue();
                    }
                }
            }
            String status = alerted > 0 ? "alerted" : ruleTitles.isEmpty() ? "none" : "covered";
            counts[0]++;
            counts[1] += ruleTitles.isEmpty() ? 0 : 1;
            counts[2] += alerted > 0 ? 1 : 0;
            AttackCoverage.Technique technique = new AttackCoverage.Technique(id, rs.getString(2), rs.getString(3), ruleTitles.size(),
                    ruleTitles.stream().distinct().sorted().limit(RULES_SHOWN).toList(), alerted, status);
            for (String tactic : rs.getString(4).split(",")) {
                List<AttackCoverage.Technique> column = byTactic.get(tactic);
                if (column != null) {
                    column.add(technique);
                }
            }
        });
        List<AttackCoverage.Tactic> columns = new ArrayList<>();
        for (String[] tactic : tactics) {
            columns.add(new AttackCoverage.Tactic(tactic[0], tactic[1], byTactic.get(tactic[2])));
        }
        return new AttackCoverage(matrixId, name, days, counts[0], counts[1], counts[2], columns);
    }

    /** Adds the techniques of the source's alerts seen since then (newest first, at most {@value #MAX_ALERTS}). */
    private void countAlerts(String source, Instant since, java.util.function.Function<AlertView, List<String>> techniques,
            Map<String, Integer> alertCounts) {
        int seen = 0;
        while (seen < MAX_ALERTS) {
            List<AlertView> page = alerts.list(new AlertFilter(null, null, source, null, null, null, null, 500, seen));
            for (AlertView alert : page) {
                if (alert.lastSeen().isBefore(since)) {
                    return;
                }
                seen++;
                for (String technique : techniques.apply(alert)) {
                    alertCounts.merge(technique, 1, Integer::sum);
                }
            }
            if (page.size() < 500) {
                return;
            }
        }
    }

    /** The techniques an intel alert names (the feeds' ATT&CK relations of its indicator). */
    private static List<String> intelTechniques(AlertView alert) {
        String ids = alert.entities().get(IndicatorContext.TECHNIQUES_ENTITY);
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
    }

    private void requireReader() {
        if (!access.requireCurrent().can("intel", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission intel:read");
        }
    }
}
