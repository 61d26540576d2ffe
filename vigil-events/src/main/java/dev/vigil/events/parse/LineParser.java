package dev.vigil.events.parse;

import java.util.List;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.text.LineEnds;

/**
 * A plain log line: tried as a syslog line without PRI (auth.log, secure, messages), an auditd record, an access-log
 * line and CEF, in that order. As a {@link TextParser} it reports whether one of them recognised the line; as the
 * LINE format it keeps an unrecognised line as a plain message.
 */
final class LineParser implements TextParser {
    private final List<TextParser> recognisers;

    LineParser(List<TextParser> recognisers) {
        this.recognisers = List.copyOf(recognisers);
    }

    @Override
    public boolean parse(String text, EventDraft draft) {
        for (TextParser recogniser : recognisers) {
            if (recogniser.parse(text, draft)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a payload of the LINE format; never fails. */
    void parseLine(String text, EventDraft draft) {
        String line = LineEnds.strip(text);
        if (!parse(line, draft)) {
            draft.fields().put("message", line);
            draft.fields().put("event.kind", "event");
            draft.fields().put("event.dataset", "line");
        }
    }
}
