package dev.vigil.detect.event;

import java.util.List;
import java.util.Locale;

/**
 * One value of an event field as a detection sees it: the JSON scalar (string, number, boolean or null) or a list of such
 * values. The textual form and its case-folded form are computed once and cached, because many rules compare the same field.
 */
public final class FieldValue {

    private final Object raw;
    private final List<FieldValue> elements;
    private final boolean ascii;
    private String text;
    private String folded;

    private FieldValue(Object raw, List<FieldValue> elements, boolean ascii) {
        this.raw = raw;
        this.elements = elements;
        this.ascii = ascii;
    }

    public static FieldValue scalar(Object raw) {
        return scalar(raw, false);
    }

    /** @param asciiString true when {@code raw} is a String known to hold only ASCII characters */
    static FieldValue scalar(Object raw, boolean asciiString) {
        // numbers and booleans are spelled in ASCII
        return new FieldValue(raw, null, asciiString || raw instanceof Number || raw instanceof Boolean);
    }

    public static FieldValue list(List<FieldValue> elements) {
        return new FieldValue(null, List.copyOf(elements), false);
    }

    /** The JSON value: String, Number, Boolean or null; null also for lists. */
    public Object raw() {
        return raw;
    }

    public boolean isList() {
        return elements != null;
    }

    public boolean isNull() {
        return elements == null && raw == null;
    }

    /** Elements of a list value; empty for a scalar. */
    public List<FieldValue> elements() {
        return elements == null ? List.of() : elements;
    }

    /** The value as text: numbers and booleans in their JSON spelling; null for JSON null and lists. */
    public String text() {
        if (text == null && raw != null) {
            text = raw instanceof String s ? s : raw.toString();
        }
        return text;
    }

    /**
     * True when {@link #text()} is known to hold only ASCII characters, whose folding is lower-casing {@code A-Z}
     * character by character: a search can then fold the characters it looks at instead of folding the whole value.
     * False for lists and null, and when unknown.
     */
    public boolean isAscii() {
        return ascii;
    }

    /** {@link #folded()} if it has been computed already, else null. */
    public String foldedIfComputed() {
        return folded;
    }

    /** {@link #text()} case-folded with {@link #fold(String)}. */
    public String folded() {
        if (folded == null && raw != null) {
            // ASCII text needs no look for characters whose folding differs from lower-casing
            folded = ascii ? text().toLowerCase(Locale.ROOT) : fold(text());
        }
        return folded;
    }

    /**
     * Case folding used for every case-insensitive comparison. ASCII takes a fast path; other text goes through upper then
     * lower case so that e.g. German sharp s and final sigma compare equal to their other spellings.
     */
    public static String fold(String s) {
        boolean asciiUpper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // also when an ASCII capital came first: "Straße" must fold as "straße" does
                return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            }
            asciiUpper |= c >= 'A' && c <= 'Z';
        }
        return asciiUpper ? s.toLowerCase(Locale.ROOT) : s;
    }

    @Override
    public String toString() {
        return elements != null ? elements.toString() : String.valueOf(raw);
    }
}
