package dev.vigil.events.parse.json;

import java.util.List;

import dev.vigil.events.parse.draft.EventDraft;

/**
 * One JSON document per event: flattened, recognised by shape (the first matching shape wins, the generic shape
 * last) and mapped. When the payload was cut at the size limit the fields read before the cut are kept.
 */
public final class JsonEventParser {
    private final JsonFlattener flattener = new JsonFlattener();
    private final List<JsonShape> shapes;

    /** @param shapes the shapes to try in order; the last should match every document */
    public JsonEventParser(List<JsonShape> shapes) {
        this.shapes = List.copyOf(shapes);
    }

    /** @param cut whether the text is only the first part of a larger payload */
    public void parse(String text, boolean cut, EventDraft draft) {
        FlatJson document = flattener.flatten(text);
        boolean keepWhatWasRead = cut && !document.values().isEmpty();
        if (document.error() != null && !keepWhatWasRead) {
            draft.fail(document.error());
            return;
        }
        if (document.truncated()) {
            draft.fields().markTruncated();
        }
        for (JsonShape shape : shapes) {
            if (shape.matches(document)) {
                shape.map(document, draft);
                break;
            }
        }
        draft.timestamp(JsonTimestamps.usual(document, draft.zone()));
    }
}
