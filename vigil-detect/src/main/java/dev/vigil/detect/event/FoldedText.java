package dev.vigil.detect.event;

/** Builds {@link Event#foldedText()}. */
final class FoldedText {

    private FoldedText() {
    }

    /** Joins the folded values; folding value by value fills each value's cache, which rules use afterwards. */
    static String of(Event event) {
        StringBuilder text = new StringBuilder(2048);
        for (FieldValue value : event.fields().values()) {
            append(value, text);
        }
        return text.toString();
    }

    private static void append(FieldValue value, StringBuilder text) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                append(element, text);
            }
        } else if (value.raw() != null) {
            text.append(value.folded()).append('\0');
        }
    }
}
