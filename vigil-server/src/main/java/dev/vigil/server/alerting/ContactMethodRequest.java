package dev.vigil.server.alerting;

/**
 * A new contact method: {@code type} {@code email} with an {@code address} (sent through the relay of
 * {@code vigil.alerting.mail-*}; an administrator may name another {@code smarthost} and {@code from}), or
 * {@code webhook} (with an optional signing {@code secret}) or a chat type ({@code slack}, {@code teams}, ...) with a
 * {@code url}.
 */
public record ContactMethodRequest(String label, String type, String address, String url, String secret, String smarthost,
                                   String from, Boolean requireTls) {
}
