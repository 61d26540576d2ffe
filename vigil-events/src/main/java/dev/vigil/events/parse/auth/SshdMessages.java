package dev.vigil.events.parse.auth;

import java.util.List;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.text.NumberText;

/**
 * OpenSSH server messages: logins accepted and failed, invalid users, disconnects, exceeded attempts and the
 * reverse-mapping warning. A message not recognised still yields its source address when it names one.
 */
final class SshdMessages implements AuthMessageParser {
    static final EventClass LOGIN = EventClass.of("ssh_login", "authentication", "info");
    static final EventClass INVALID_USER = EventClass.of("ssh_invalid_user", "authentication", "info");
    static final EventClass MAX_AUTH_ATTEMPTS =
            EventClass.of("ssh_max_auth_attempts_exceeded", "authentication", "info");
    static final EventClass DISCONNECT = new EventClass("ssh_disconnect", List.of("network"),
            List.of("connection", "end"));
    static final EventClass REVERSE_MAPPING_FAILED =
            EventClass.of("ssh_reverse_mapping_failed", "network", "info");
    static final EventClass NO_IDENTIFICATION = EventClass.of("ssh_no_identification", "network", "info");

    private static final String PREAUTH = " [preauth]";
    private static final String FROM = " from ";
    private static final String TOO_MANY_FAILURES = "Too many authentication failures";
    private static final List<String> USER_PREFIXES = List.of("authenticating user ", "invalid user ", "user ");

    private final PamMessages pam;

    SshdMessages(PamMessages pam) {
        this.pam = pam;
    }

    @Override
    public void parse(String message, EventDraft draft) {
        String text = withoutSeverityPrefix(message);
        if (text.endsWith(PREAUTH)) {
            text = text.substring(0, text.length() - PREAUTH.length());
        }
        EventFields fields = draft.fields();
        if (text.startsWith("Accepted ")) {
            login(text, "Accepted ".length(), EventClass.SUCCESS, fields);
        } else if (text.startsWith("Failed ")) {
            login(text, "Failed ".length(), EventClass.FAILURE, fields);
        } else if (text.startsWith("Invalid user ")) {
            userFromAddress(text, "Invalid user ".length(), INVALID_USER, fields);
        } else if (text.startsWith("maximum authentication attempts exceeded for ")) {
            userFromAddress(text, "maximum authentication attempts exceeded for ".length(), MAX_AUTH_ATTEMPTS, fields);
        } else if (text.startsWith("Connection closed by ")) {
            closed(text.substring("Connection closed by ".length()), null, fields);
        } else if (text.startsWith("Disconnected from ")) {
            closed(text.substring("Disconnected from ".length()), null, fields);
        } else if (text.startsWith("Received disconnect from ")) {
            receivedDisconnect(text.substring("Received disconnect from ".length()), fields);
        } else if (text.startsWith("Disconnecting")) {
            disconnecting(text.substring("Disconnecting".length()), fields);
        } else if (text.startsWith("reverse mapping checking getaddrinfo for ")) {
            reverseMapping(text, fields);
        } else if (text.startsWith("Address ") && text.endsWith("POSSIBLE BREAK-IN ATTEMPT!")) {
            REVERSE_MAPPING_FAILED.writeTo(fields, EventClass.FAILURE);
            writeSourceAt(text, "Address ".length(), fields);
        } else if (text.startsWith("Did not receive identification string from ")) {
            NO_IDENTIFICATION.writeTo(fields, EventClass.FAILURE);
            writeSourceAt(text, "Did not receive identification string from ".length(), fields);
        } else if (text.startsWith("PAM ") && text.contains(" more authentication failure")) {
            pam.readFailureDetails(text, fields);
        } else {
            sourceOfAnyMessage(text, fields);
        }
    }

    /** {@code <method> for [invalid user ]USER from ADDRESS port N ssh2[: KEY]} after Accepted/Failed. */
    private static void login(String text, int at, String outcome, EventFields fields) {
        int space = text.indexOf(' ', at);
        if (space < 0 || !text.startsWith(" for ", space)) {
            return;
        }
        LOGIN.writeTo(fields, outcome);
        fields.put("ssh.method", text.substring(at, space));
        userFromAddress(text, space + " for ".length(), null, fields);
        int signature = text.indexOf(": ", Math.max(space, text.lastIndexOf(FROM)));
        if (signature > 0) {
            fields.put("ssh.signature", text.substring(signature + 2));
        }
    }

    /** {@code [invalid user ]USER from ADDRESS[ port N]...} starting at {@code at}. */
    private static void userFromAddress(String text, int at, EventClass eventClass, EventFields fields) {
        int userStart = text.startsWith("invalid user ", at) ? at + "invalid user ".length() : at;
        int from = text.lastIndexOf(FROM);
        if (from < userStart - 1) {
            return;
        }
        if (eventClass != null) {
            eventClass.writeTo(fields, EventClass.FAILURE);
        }
        fields.put("user.name", text.substring(userStart, Math.max(userStart, from)));
        writeSourceAt(text, from + FROM.length(), fields);
    }

    /** {@code [authenticating user X |invalid user X |user X ]ADDRESS port N} after "closed by" / "from". */
    private static void closed(String segment, String reason, EventFields fields) {
        RemoteAddress remote = RemoteAddress.fromEnd(segment);
        if (remote == null) {
            return;
        }
        DISCONNECT.writeTo(fields);
        remote.writeSource(fields);
        fields.put("user.name", userBefore(remote.before()));
        fields.put("event.reason", reason);
    }

    /** {@code ADDRESS port N:CODE: REASON} or, from older servers, {@code ADDRESS: CODE: REASON}. */
    private static void receivedDisconnect(String text, EventFields fields) {
        int colon = text.indexOf(": ");
        String where = colon < 0 ? text : text.substring(0, colon);
        String reason = colon < 0 ? null : text.substring(colon + 2);
        int codeColon = where.indexOf(':', Math.max(0, where.lastIndexOf(" port ")));
        if (where.contains(" port ") && codeColon > 0) {
            where = where.substring(0, codeColon);
        } else if (reason != null) {
            int reasonColon = reason.indexOf(": ");
            reason = reasonColon > 0 && isDigits(reason, 0, reasonColon) ? reason.substring(reasonColon + 2) : reason;
        }
        closed(where, reason, fields);
    }

    /** {@code : Too many authentication failures [for USER]} or {@code  WHO ADDRESS port N: REASON}. */
    private static void disconnecting(String text, EventFields fields) {
        if (text.startsWith(": ")) {
            String reason = text.substring(2);
            DISCONNECT.writeTo(fields);
            if (reason.startsWith(TOO_MANY_FAILURES + " for ")) {
                String user = reason.substring((TOO_MANY_FAILURES + " for ").length());
                fields.put("user.name", user.startsWith("invalid user ") ? user.substring(13) : user);
                reason = TOO_MANY_FAILURES;
            }
            fields.put("event.reason", reason);
            return;
        }
        int colon = text.indexOf(": ");
        if (colon > 0) {
            closed(text.substring(0, colon), text.substring(colon + 2), fields);
        }
    }

    /** {@code reverse mapping checking getaddrinfo for HOST [ADDRESS] failed - POSSIBLE BREAK-IN ATTEMPT!} */
    private static void reverseMapping(String text, EventFields fields) {
        int hostStart = "reverse mapping checking getaddrinfo for ".length();
        int open = text.indexOf(" [", hostStart);
        int close = open < 0 ? -1 : text.indexOf(']', open);
        if (close < 0) {
            return;
        }
        REVERSE_MAPPING_FAILED.writeTo(fields, EventClass.FAILURE);
        fields.putIp("source.ip", text.substring(open + 2, close));
        fields.put("source.domain", text.substring(hostStart, open));
    }

    private static void sourceOfAnyMessage(String text, EventFields fields) {
        int from = text.indexOf(FROM);
        if (from >= 0) {
            RemoteAddress remote = RemoteAddress.readAt(text, from + FROM.length());
            if (remote != null && remote.port() != null) {
                remote.writeSource(fields);
            }
        }
    }

    private static void writeSourceAt(String text, int at, EventFields fields) {
        RemoteAddress remote = RemoteAddress.readAt(text, at);
        if (remote != null) {
            remote.writeSource(fields);
        }
    }

    /** The user in {@code authenticating user X}, {@code invalid user X} or {@code user X}; null otherwise. */
    private static String userBefore(String before) {
        for (String prefix : USER_PREFIXES) {
            if (before.startsWith(prefix)) {
                return before.substring(prefix.length());
            }
        }
        return null;
    }

    private static String withoutSeverityPrefix(String message) {
        if (message.startsWith("error: ")) {
            return message.substring("error: ".length());
        }
        return message.startsWith("fatal: ") ? message.substring("fatal: ".length()) : message;
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!NumberText.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }
}
