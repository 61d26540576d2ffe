package dev.vigil.detect.sigma.logsource;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;

/**
 * A field mapping that builds a rule field from several event fields: {@code {Operation} {Parameters}} gives the text
 * of {@code Operation}, a space and the text of {@code Parameters}. A list field contributes its elements joined by
 * spaces, a missing or null one nothing; the result is absent only when every named field is.
 */
final class FieldTemplate {

    private FieldTemplate() {
    }

    /** Whether a field-mapping target is a template rather than a field name. */
    static boolean isTemplate(String target) {
        return target.indexOf('{') >= 0;
    }

    /** The template filled from the event, or null when none of its fields is there. */
    static FieldValue render(String template, Event event) {
        StringBuilder out = new StringBuilder(64);
        boolean any = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            FieldValue value = event.field(template.substring(i + 1, close));
            if (value != null && !value.isNull()) {
                any = true;
                append(out, value);
            }
            i = close + 1;
        }
        return any ? FieldValue.scalar(out.toString()) : null;
    }

    private static void append(StringBuilder out, FieldValue value) {
        if (!value.isList()) {
            out.append(value.text());
            return;
        }
        boolean first = true;
        for (FieldValue element : value.elements()) {
            if (!element.isNull()) {
                out.append(first ? "" : " ").append(element.isList() ? element.toString() : element.text());
                first = false;
            }
        }
    }
}
