package dev.vigil.events.parse.json;

import dev.vigil.events.parse.draft.EventDraft;

/** A recognised kind of JSON event (Suricata EVE, a Windows event...) and how it maps to the common schema. */
public interface JsonShape {

    boolean matches(FlatJson document);

    /** Writes the document's fields (under their own names) and the common-schema fields into {@code draft}. */
    void map(FlatJson document, EventDraft draft);
}
