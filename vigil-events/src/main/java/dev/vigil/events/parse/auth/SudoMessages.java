package dev.vigil.events.parse.auth;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;

/**
 * sudo's command log: {@code alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls -l}, and the same
 * with a reason when sudo refused ({@code alice : 3 incorrect password attempts ; TTY=...},
 * {@code alice : user NOT in sudoers ; ...}). The command runs to the end of the line, semicolons included.
 */
final class SudoMessages implements AuthMessageParser {
    static final EventClass COMMAND_RUN = EventClass.of("sudo_command", "process", "start");
    static final EventClass COMMAND_REFUSED = EventClass.of("sudo_command", "process", "info");

    private static final String SEPARATOR = " ; ";
    private static final String COMMAND = "COMMAND=";

    @Override
    public void parse(String message, EventDraft draft) {
        int colon = message.indexOf(" : ");
        if (colon <= 0) {
            return;
        }
        EventFields fields = draft.fields();
        String reason = null;
        String targetUser = null;
        String directory = null;
        String command = null;
        int i = colon + " : ".length();
        while (i < message.length()) {
            if (message.startsWith(COMMAND, i)) {
                command = message.substring(i + COMMAND.length());
                break;
            }
            int end = message.indexOf(SEPARATOR, i);
            end = end < 0 ? message.length() : end;
            String segment = message.substring(i, end);
            if (segment.startsWith("USER=")) {
                targetUser = segment.substring("USER=".length());
            } else if (segment.startsWith("PWD=")) {
                directory = segment.substring("PWD=".length());
            } else if (!isSetting(segment)) {
                reason = reason == null ? segment : reason;
            }
            i = end + SEPARATOR.length();
        }
        if (reason == null) {
            COMMAND_RUN.writeTo(fields, EventClass.SUCCESS);
        } else {
            COMMAND_REFUSED.writeTo(fields, EventClass.FAILURE);
            fields.put("event.reason", reason);
        }
        fields.put("user.name", message.substring(0, colon).strip());
        fields.put("user.effective.name", targetUser);
        fields.put("process.working_directory", directory);
        fields.put("process.command_line", command);
    }

    /** A {@code KEY=value} item such as TTY, GROUP, ENV or TSID, as opposed to a free-text reason. */
    private static boolean isSetting(String segment) {
        int equals = segment.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        for (int i = 0; i < equals; i++) {
            char c = segment.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
