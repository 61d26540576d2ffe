package dev.vigil.events.parse.syslog;

import java.util.List;

import dev.vigil.events.parse.draft.EventFields;

/** The PRI part of a syslog message: facility times eight plus severity, with the names RFC 5424 gives them. */
final class SyslogPriority {
    /** What RFC 3164 says a relay assumes when a message has no PRI: user-level, notice. */
    static final int DEFAULT = 13;
    static final int AUTH = 4;
    static final int AUTHPRIV = 10;

    private static final int MAX = 191;
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0",
            "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    private static final List<String> SEVERITIES = List.of("emergency", "alert", "critical", "error", "warning",
            "notice", "informational", "debug");

    private SyslogPriority() {
    }

    /** The index just past a valid {@code <PRI>} at the start of {@code text}, or -1. */
    static int end(String text) {
        if (text.isEmpty() || text.charAt(0) != '<') {
            return -1;
        }
        int close = text.indexOf('>', 1);
        if (close < 2 || close > 4) {
            return -1;
        }
        int value = value(text, close);
        return value < 0 ? -1 : close + 1;
    }

    /** The numeric value of a PRI whose {@code >} is at {@code close}; -1 when out of range or not digits. */
    static int value(String text, int close) {
        int value = 0;
        for (int i = 1; i < close; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        // RFC 5424 forbids leading zeros except for PRI 0 itself
        boolean leadingZero = close > 2 && text.charAt(1) == '0';
        return value > MAX || leadingZero ? -1 : value;
    }

    static void write(int priority, EventFields fields) {
        int facility = priority >> 3;
        int severity = priority & 7;
        fields.put("log.syslog.priority", priority);
        fields.put("log.syslog.facility.code", facility);
        fields.put("log.syslog.facility.name", FACILITIES.get(facility));
        fields.put("log.syslog.severity.code", severity);
        fields.put("log.syslog.severity.name", SEVERITIES.get(severity));
    }
}
