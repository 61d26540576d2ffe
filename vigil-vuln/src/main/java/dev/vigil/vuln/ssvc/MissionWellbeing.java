package dev.vigil.vuln.ssvc;

import java.util.List;

/** SSVC decision point Mission and Well-Being Impact 1.0.0. */
public enum MissionWellbeing implements SsvcValue {
    LOW("low", "l"),
    MEDIUM("medium", "m"),
    HIGH("high", "h");

    private final List<String> spellings;

    MissionWellbeing(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** Parses a value case-insensitively (also the short keys used in SSVC vectors). */
    public static MissionWellbeing parse(String raw) {
        return SsvcValue.parse(MissionWellbeing.class, "Mission and Well-Being Impact 1.0.0", raw);
    }
}
