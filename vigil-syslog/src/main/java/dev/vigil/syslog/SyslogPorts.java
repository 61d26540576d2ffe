package dev.vigil.syslog;

/** The ports a started {@link SyslogServer} listens on; {@value SyslogSettings#OFF} for a transport that is off. */
public record SyslogPorts(int udp, int tcp, int tls) {
}
