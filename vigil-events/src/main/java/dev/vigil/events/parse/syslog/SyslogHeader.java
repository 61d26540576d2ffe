package dev.vigil.events.parse.syslog;

import java.time.Instant;

/**
 * What the header of a syslog message said, before anything is written.
 *
 * @param priority  the PRI value, or -1 when the message had none
 * @param version   the RFC 5424 version, or null for RFC 3164
 * @param timestamp the header time, or null
 * @param hostname  the host, or null
 * @param appName   the RFC 5424 APP-NAME or the RFC 3164 tag without its pid, or null
 * @param program   the program name taken from it, or null
 * @param module    the module a 3164 tag named in parentheses ({@code sshd(pam_unix)}), or null
 * @param processId the RFC 5424 PROCID or the pid of the 3164 tag, or null
 * @param messageId the RFC 5424 MSGID, or null
 */
record SyslogHeader(int priority, Long version, Instant timestamp, String hostname, String appName, String program,
                    String module, String processId, String messageId) {

    static SyslogHeader rfc3164(int priority, Instant timestamp, String hostname, SyslogTag tag) {
        return tag == null
                ? new SyslogHeader(priority, null, timestamp, hostname, null, null, null, null, null)
                : new SyslogHeader(priority, null, timestamp, hostname, tag.tag(), tag.program(), tag.module(),
                        tag.pid(), null);
    }

    boolean hasAuthFacility() {
        int facility = priority >> 3;
        return priority >= 0 && (facility == SyslogPriority.AUTH || facility == SyslogPriority.AUTHPRIV);
    }
}
