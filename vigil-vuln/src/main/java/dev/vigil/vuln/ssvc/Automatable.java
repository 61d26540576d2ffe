package dev.vigil.vuln.ssvc;

import java.util.List;

/** SSVC decision point Automatable 2.0.0. */
public enum Automatable implements SsvcValue {
    NO("no", "n"),
    YES("yes", "y");

    private final List<String> spellings;

    Automatable(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }

    /** Parses a value case-insensitively (also the short keys used in SSVC vectors). */
    public static Automatable parse(String raw) {
        return SsvcValue.parse(Automatable.class, "Automatable 2.0.0", raw);
    }
}
