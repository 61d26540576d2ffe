package dev.vigil.vuln.ssvc;

/** Outcome of the CISA Coordinator tree (CISA Levels 1.1.0), from least to most urgent. */
public enum CisaLevel {
    TRACK("Track"), TRACK_STAR("Track*"), ATTEND("Attend"), ACT("Act");

    private final String label;

    CisaLevel(String label) {
        this.label = label;
    }

    /** The level as CISA spells it: Track, Track*, Attend or Act. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
