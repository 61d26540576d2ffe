package dev.vigil.vuln.ssvc;

import java.util.List;

/** SSVC decision point Technical Impact 1.0.0. */
public enum TechnicalImpact implements SsvcValue {
    PARTIAL("partial", "p"),
    TOTAL("total", "t");

    private final List<String> spellings;

    TechnicalImpact(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** Parses a value case-insensitively (also the short keys used in SSVC vectors). */
    public static TechnicalImpact parse(String raw) {
        return SsvcValue.parse(TechnicalImpact.class, "Technical Impact 1.0.0", raw);
    }
}
