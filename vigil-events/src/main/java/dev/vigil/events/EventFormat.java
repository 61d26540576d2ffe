package dev.vigil.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an input's payloads are parsed. An input names one of these; syslog payloads are further parsed by program. */
public enum EventFormat {
    /** RFC 5424 or RFC 3164 syslog; the message is then parsed by program (sshd, sudo, su, useradd, auditd, CEF...). */
    SYSLOG,
    /** One JSON document per event; the shape is recognised (Suricata EVE, Windows event, generic). */
    JSON,
    /** A plain log line: recognised as auth.log, auditd, access log or CEF, else kept as a message. */
    LINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
