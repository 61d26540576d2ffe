package dev.vigil.server.vuln.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** KEV listing and EPSS score of a finding's CVE ids, from the imported catalogs (the highest EPSS of its CVEs). */
@Component
public class Enrichment {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);

    public record Facts(boolean kev, LocalDate kevDue, BigDecimal epss, BigDecimal epssPercentile) {
    }

    private final JdbcClient jdbc;

    Enrichment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Facts of(String vulnerabilityId, List<String> aliases) {
        String[] cves = java.util.stream.Stream.concat(java.util.stream.Stream.of(vulnerabilityId), aliases.stream())
                .filter(id -> id != null && CVE.matcher(id).matches()).map(id -> id.toUpperCase(Locale.ROOT))
                .distinct().toArray(String[]::new);
        if (cves.length == 0) {
            return new Facts(false, null, null, null);
        }
        LocalDate due = jdbc.sql("SELECT min(due_date) FROM vuln_kev WHERE cve_id = ANY(?)").param(cves)
                .query(LocalDate.class).optional().orElse(null);
        boolean kev = jdbc.sql("SELECT count(*) FROM vuln_kev WHERE cve_id = ANY(?)").param(cves)
                .query(Long.class).single() > 0;
        return jdbc.sql("SELECT score, percentile FROM vuln_epss WHERE cve_id = ANY(?) ORDER BY score DESC LIMIT 1")
                .param(cves)
                .query((rs, row) -> new Facts(kev, due, rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional().orElse(new Facts(kev, due, null, null));
    }
}
