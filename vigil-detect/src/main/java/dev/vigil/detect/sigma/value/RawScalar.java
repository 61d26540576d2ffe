package dev.vigil.detect.sigma.value;

/**
 * A scalar exactly as written in the rule, before any modifier. The raw text is kept for numbers and booleans too, so
 * {@code 0x17} or {@code 010} are compared as written (YAML 1.1 would turn them into other numbers).
 */
public record RawScalar(String text, Kind kind) {

    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    public static RawScalar ofNull() {
        return new RawScalar("", Kind.NULL);
    }
}
