package dev.vigil.server.incident;

/** Incident levels I (most severe) to IV, shown with their priorities P1 to P4. */
public final class Level {

    public static final int MOST_SEVERE = 1;
    public static final int LEAST_SEVERE = 4;
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private Level() {
    }

    public static boolean isValid(int level) {
        return level >= MOST_SEVERE && level <= LEAST_SEVERE;
    }

    /** "I (P1)"; null for no level. */
    public static String label(Integer level) {
        return level == null || !isValid(level) ? null : ROMAN[level - 1] + " (P" + level + ")";
    }
}
