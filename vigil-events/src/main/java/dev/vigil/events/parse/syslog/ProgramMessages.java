package dev.vigil.events.parse.syslog;

import dev.vigil.events.parse.auth.AuthPrograms;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.TextParser;

/**
 * Reads the message of a syslog line (or of a JSON document that carries one) according to the program that wrote
 * it: CEF and auditd records whatever the program, then the authentication programs. Other messages stay plain.
 */
public final class ProgramMessages {
    private static final String REPEATED = "message repeated ";

    private final AuthPrograms authPrograms;
    private final TextParser auditd;
    private final TextParser cef;

    public ProgramMessages(AuthPrograms authPrograms, TextParser auditd, TextParser cef) {
        this.authPrograms = authPrograms;
        this.auditd = auditd;
        this.cef = cef;
    }

    /**
     * @param program the program name, or null when the line had no tag
     * @param module  the module the tag named in parentheses, or null
     * @return whether the message belongs to the authentication log
     */
    public boolean parse(String program, String module, String message, EventDraft draft) {
        String body = unwrapRepeated(message);
        if (body.startsWith("CEF:") && cef.parse(body, draft)) {
            return false;
        }
        if (isAuditRecord(body) && auditd.parse(body, draft)) {
            return false;
        }
        return program != null && authPrograms.parse(program, module, body, draft);
    }

    private static boolean isAuditRecord(String body) {
        return body.startsWith("type=") || body.startsWith("node=") || body.startsWith("audit: type=");
    }

    /** The message inside {@code message repeated 5 times: [ MESSAGE]}, as syslog daemons fold duplicates. */
    private static String unwrapRepeated(String message) {
        if (!message.startsWith(REPEATED) || !message.endsWith("]")) {
            return message;
        }
        int open = message.indexOf(": [");
        if (open < 0) {
            return message;
        }
        return message.substring(open + 3, message.length() - 1).strip();
    }
}
