package dev.vigil.syslog;

/**
 * One transport's counts since the server started.
 *
 * @param received            messages the receiver accepted
 * @param dropped             messages read but not accepted: UDP ones while the receiver refused them, TCP/TLS ones
 *                            abandoned at shutdown
 * @param bytes               bytes of the accepted messages (without framing)
 * @param connections         connections admitted (always 0 for UDP)
 * @param openConnections     connections open now
 * @param rejectedConnections connections closed at once: over the connection limit or failing the TLS handshake
 * @param framingErrors       frames that were oversized, had an invalid octet count or were cut off
 */
public record TransportCounters(long received, long dropped, long bytes, long connections, long openConnections,
                                long rejectedConnections, long framingErrors) {
}
