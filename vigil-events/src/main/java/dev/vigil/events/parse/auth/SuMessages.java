package dev.vigil.events.parse.auth;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;

/**
 * su's own messages: {@code Successful su for root by alice}, {@code FAILED SU (to root) alice on /dev/pts/0},
 * {@code FAILED su for root by alice}, {@code (to root) alice on pts/0}, and the short forms {@code + pts/0 alice:root}
 * (success) and {@code - pts/0 alice:root} (failure). The user who ran su is {@code user.name}, the one switched to
 * {@code user.effective.name}.
 */
final class SuMessages implements AuthMessageParser {
    static final EventClass SWITCH_USER = EventClass.of("su", "authentication", "info");

    @Override
    public void parse(String message, EventDraft draft) {
        EventFields fields = draft.fields();
        if (message.startsWith("Successful su for ")) {
            forBy(message.substring("Successful su for ".length()), EventClass.SUCCESS, fields);
        } else if (message.startsWith("FAILED su for ")) {
            forBy(message.substring("FAILED su for ".length()), EventClass.FAILURE, fields);
        } else if (message.startsWith("FAILED SU (to ")) {
            toOn(message.substring("FAILED SU (to ".length()), EventClass.FAILURE, fields);
        } else if (message.startsWith("(to ")) {
            toOn(message.substring("(to ".length()), EventClass.SUCCESS, fields);
        } else if (message.startsWith("+ ") || message.startsWith("- ")) {
            shortForm(message, fields);
        }
    }

    /** {@code TARGET by ACTOR} */
    private static void forBy(String text, String outcome, EventFields fields) {
        int by = text.indexOf(" by ");
        if (by > 0) {
            write(text.substring(by + " by ".length()).strip(), text.substring(0, by), outcome, fields);
        }
    }

    /** {@code TARGET) ACTOR on TTY} */
    private static void toOn(String text, String outcome, EventFields fields) {
        int close = text.indexOf(") ");
        int on = text.lastIndexOf(" on ");
        if (close > 0 && on > close) {
            write(text.substring(close + 2, on), text.substring(0, close), outcome, fields);
        }
    }

    /** {@code +|- TTY ACTOR:TARGET} */
    private static void shortForm(String message, EventFields fields) {
        int space = message.indexOf(' ', 2);
        int colon = message.lastIndexOf(':');
        if (space > 2 && colon > space + 1) {
            String outcome = message.charAt(0) == '+' ? EventClass.SUCCESS : EventClass.FAILURE;
            write(message.substring(space + 1, colon), message.substring(colon + 1), outcome, fields);
        }
    }

    private static void write(String actor, String target, String outcome, EventFields fields) {
        SWITCH_USER.writeTo(fields, outcome);
        fields.put("user.name", actor);
        fields.put("user.effective.name", target);
    }
}
