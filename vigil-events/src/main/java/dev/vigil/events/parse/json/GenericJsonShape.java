package dev.vigil.events.parse.json;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.draft.TextParser;
import dev.vigil.events.parse.syslog.ProgramMessages;

/**
 * Any other JSON document (Filebeat, Fluent Bit, Vector, rsyslog): the fields stay as they are, ECS fields already
 * present included. A {@code message} that is itself a log line (Filebeat shipping auth.log) is read like a line and
 * its fields are added; a plain message with a program named beside it (Fluent Bit's {@code ident}, rsyslog's
 * {@code programname}) is read by program. The document's own fields win over what is read from the message.
 */
public final class GenericJsonShape implements JsonShape {
    private static final String[] PROGRAM_FIELDS = {"process.name", "log.syslog.appname", "appname", "ident",
            "programname"};

    private final TextParser lineParser;
    private final ProgramMessages programs;

    public GenericJsonShape(TextParser lineParser, ProgramMessages programs) {
        this.lineParser = lineParser;
        this.programs = programs;
    }

    @Override
    public boolean matches(FlatJson document) {
        return true;
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.usual(document, draft.zone()));
        String message = document.text("message");
        if (message != null && !lineParser.parse(message, draft)) {
            String program = program(document);
            if (program != null && programs.parse(program, null, message, draft)) {
                fields.put("event.dataset", "system.auth");
            }
        }
        fields.put("event.kind", "event");
        fields.put("event.dataset", "json");
    }

    private static String program(FlatJson document) {
        for (String name : PROGRAM_FIELDS) {
            String value = document.text(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
