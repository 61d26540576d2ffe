package dev.vigil.events.parse.auth;

import java.util.List;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;

/**
 * Messages of PAM modules: {@code pam_unix(sshd:auth): authentication failure; ... rhost=10.0.0.5  user=root},
 * {@code pam_unix(sudo:session): session opened for user root by alice(uid=0)}, {@code password changed for bob}; also
 * the older form where the module sits in the syslog tag ({@code sshd(pam_unix)[19939]: authentication failure; ...}).
 */
public final class PamMessages {
    static final EventClass AUTHENTICATION_FAILURE =
            EventClass.of("pam_authentication_failure", "authentication", "info");
    static final EventClass SESSION_OPENED = new EventClass("session_opened",
            List.of("authentication", "session"), List.of("start"));
    static final EventClass SESSION_CLOSED = new EventClass("session_closed",
            List.of("authentication", "session"), List.of("end"));
    static final EventClass PASSWORD_CHANGED = new EventClass("password_changed", List.of("iam"),
            List.of("user", "change"));

    /**
     * Reads a message of the form {@code MODULE(SERVICE:TYPE): BODY}.
     *
     * @return false when the message does not have that form
     */
    public boolean parse(String message, EventDraft draft) {
        int open = message.indexOf('(');
        int close = open < 0 ? -1 : message.indexOf("): ", open);
        int space = message.indexOf(' ');
        if (open <= 0 || close < 0 || space >= 0 && space < open) {
            return false;
        }
        String inside = message.substring(open + 1, close);
        int colon = inside.indexOf(':');
        parseBody(colon < 0 ? inside : inside.substring(0, colon), message.substring(close + 3), draft);
        return true;
    }

    /** Reads the part after the module prefix; {@code service} is the PAM service (sshd, sudo, su...). */
    public void parseBody(String service, String body, EventDraft draft) {
        EventFields fields = draft.fields();
        if (body.startsWith("authentication failure;")) {
            AUTHENTICATION_FAILURE.writeTo(fields, EventClass.FAILURE);
            readFailureDetails(body, fields);
        } else if (body.startsWith("session opened for user ")) {
            session(body.substring("session opened for user ".length()), SESSION_OPENED, fields);
        } else if (body.startsWith("session closed for user ")) {
            session(body.substring("session closed for user ".length()), SESSION_CLOSED, fields);
        } else if (body.startsWith("password changed for ")) {
            PASSWORD_CHANGED.writeTo(fields, EventClass.SUCCESS);
            fields.put("user.name", body.substring("password changed for ".length()).strip());
        }
    }

    /** The user and remote host of {@code ...; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.5  user=root}. */
    void readFailureDetails(String body, EventFields fields) {
        int semicolon = body.indexOf(';');
        int i = semicolon + 1;
        while (i < body.length()) {
            while (i < body.length() && body.charAt(i) == ' ') {
                i++;
            }
            int end = body.indexOf(' ', i);
            end = end < 0 ? body.length() : end;
            String pair = body.substring(i, end);
            if (pair.startsWith("rhost=") && pair.length() > "rhost=".length()) {
                new RemoteAddress("", pair.substring("rhost=".length()), null).writeSource(fields);
            } else if (pair.startsWith("user=")) {
                fields.put("user.name", pair.substring("user=".length()));
            }
            i = end + 1;
        }
    }

    /** {@code TARGET[(uid=N)][ by [NAME](uid=N)]}: NAME opened a session as TARGET. */
    private static void session(String text, EventClass eventClass, EventFields fields) {
        eventClass.writeTo(fields, EventClass.SUCCESS);
        int targetEnd = indexOfAny(text, ' ', '(');
        String target = text.substring(0, targetEnd);
        int by = text.indexOf(" by ", targetEnd);
        String actor = null;
        if (by >= 0) {
            int actorStart = by + " by ".length();
            actor = text.substring(actorStart, indexOfAny(text, '(', ' ', actorStart));
        }
        if (actor != null && !actor.isEmpty() && !actor.equals(target)) {
            fields.put("user.name", actor);
            fields.put("user.effective.name", target);
        } else {
            fields.put("user.name", target);
        }
    }

    private static int indexOfAny(String text, char a, char b) {
        return indexOfAny(text, a, b, 0);
    }

    private static int indexOfAny(String text, char a, char b, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return text.length();
    }
}
