package dev.vigil.vuln.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One day's EPSS scores with lookup by CVE. {@code modelVersion} and {@code scoreDate} come from the file's
 * {@code #model_version:...,score_date:...} line or the JSON {@code date}; either may be null (2021 layout).
 */
public final class EpssCatalog {

    private final String modelVersion;
    private final String scoreDate;
    private final Map<String, EpssScore> byCve = new LinkedHashMap<>();

    public EpssCatalog(String modelVersion, String scoreDate, List<EpssScore> scores) {
        this.modelVersion = modelVersion;
        this.scoreDate = scoreDate;
        for (EpssScore score : scores) {
            byCve.putIfAbsent(score.cveId().toUpperCase(Locale.ROOT), score);
        }
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String scoreDate() {
        return scoreDate;
    }

    public int size() {
        return byCve.size();
    }

    public List<EpssScore> scores() {
        return List.copyOf(byCve.values());
    }

    public Optional<EpssScore> find(String cveId) {
        return cveId == null ? Optional.empty() : Optional.ofNullable(byCve.get(cveId.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * For a finding with several CVEs: the highest-scoring one, with its own percentile (not the maximum of the
     * percentiles, which could belong to another CVE).
     */
    public Optional<EpssScore> highest(Collection<String> cveIds) {
        EpssScore best = null;
        for (String cveId : cveIds) {
            EpssScore score = find(cveId).orElse(null);
            if (score != null && (best == null || score.epss().compareTo(best.epss()) > 0)) {
                best = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
