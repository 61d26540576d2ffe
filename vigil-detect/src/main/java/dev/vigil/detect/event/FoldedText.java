package dev.vigil.detect.event;

/** Builds {@link Event#foldedText()}. */
final class FoldedText {

    private FoldedText() {
    }

    static String of(Event event) {
        StringBuilder text = new StringBuilder(1024);
        boolean ascii = true;
        for (FieldValue value : event.fields().values()) {
            ascii &= append(value, text);
        }
        if (ascii) {
            // ASCII folds character by character, so folding the joined text equals joining the folded values
            return FieldValue.fold(text.toString());
        }
        text.setLength(0);
        for (FieldValue value : event.fields().values()) {
            appendFolded(value, text);
        }
        return text.toString();
    }

    /** @return false when the value has a non-ASCII character */
    private static boolean append(FieldValue value, StringBuilder text) {
        if (value.isList()) {
            boolean ascii = true;
            for (FieldValue element : value.elements()) {
                ascii &= append(element, text);
            }
            return ascii;
        }
        String raw = value.text();
        if (raw == null) {
            return true;
        }
        text.append(raw).append('\0');
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void appendFolded(FieldValue value, StringBuilder text) {
        if (value.isList()) {
            for (FieldValue element : value.elements()) {
                appendFolded(element, text);
            }
        } else if (value.raw() != null) {
            text.append(value.folded()).append('\0');
        }
    }
}
