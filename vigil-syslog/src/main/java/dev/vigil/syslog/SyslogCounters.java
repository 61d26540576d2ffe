package dev.vigil.syslog;

/** A snapshot of a {@link SyslogServer}'s counts, one set per transport. */
public record SyslogCounters(TransportCounters udp, TransportCounters tcp, TransportCounters tls) {
}
