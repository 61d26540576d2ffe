package dev.vigil.server.alerting;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.vigil.server.alerting.internal.notify.PemCertificates;
import dev.vigil.server.platform.web.ProblemException;

/**
 * One way a receiver is told: {@code webhook} (JSON POST signed with HMAC-SHA256 over the body when a secret is set),
 * {@code email} (SMTP; STARTTLS required unless {@code requireTls} is false), or a chat webhook: {@code slack} (and
 * Slack-compatible services such as Mattermost and Rocket.Chat), {@code teams}, {@code dingtalk}, {@code wecom},
 * {@code feishu}. Secrets ({@code secret}, {@code password}) are stored encrypted and never shown again. An e-mail
 * channel may name the certificate authorities it trusts for its smarthost ({@code caCertificate}, PEM) instead of the
 * JVM's default trust store, as for a company-internal relay.
 */
public record ChannelConfig(String type, String url, String secret, List<String> to, String smarthost, String from,
                            String username, String password, Boolean requireTls, String caCertificate) {

    private static final String MASK = "********";

    public static final Set<String> TYPES = Set.of("webhook", "email", "slack", "teams", "dingtalk", "wecom", "feishu");

    public ChannelConfig {
        to = to == null ? List.of() : List.copyOf(to);
    }

    public boolean tlsRequired() {
        return requireTls == null || requireTls;
    }

    /** 400 naming the channel's position and what is wrong. */
    public void validate(int index) {
        validate("channels[" + index + "]");
    }

    /** 400 naming the channel by {@code where} (e.g. {@code channel}) and what is wrong. */
    public void validate(String where) {
        if (type == null || !TYPES.contains(type)) {
            throw ProblemException.badRequest("invalid-channel", where + ".type must be one of " + TYPES.stream().sorted().toList());
        }
        if (type.equals("email")) {
            if (to.isEmpty() || to.stream().anyMatch(a -> a == null || !a.matches("[^@\\s]+@[^@\\s]+"))) {
                throw ProblemException.badRequest("invalid-channel", where + ".to must list e-mail addresses");
            }
            if (smarthost == null || !smarthost.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                throw ProblemException.badRequest("invalid-channel", where + ".smarthost must be host:port");
            }
            if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
                throw ProblemException.badRequest("invalid-channel", where + ".from must be an e-mail address");
            }
            if (caCertificate != null && !caCertificate.isBlank()) {
                try {
                    PemCertificates.parse(caCertificate);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-channel", where + ".caCertificate: " + e.getMessage());
                }
            }
            return;
        }
        try {
            URI uri = URI.create(url == null ? "" : url);
            if (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-channel", where + ".url must be an http(s) URL");
        }
    }

    /** This configuration as sent back by a user: a secret still masked means "unchanged", so it is taken from {@code stored}. */
    public ChannelConfig keepingSecretsOf(ChannelConfig stored) {
        if (stored == null) {
            return this;
        }
        return new ChannelConfig(type, url, MASK.equals(secret) ? stored.secret() : secret, to, smarthost, from, username,
                MASK.equals(password) ? stored.password() : password, requireTls, caCertificate);
    }

    /** The configuration as shown to users: secrets replaced by a marker. */
    public ChannelConfig masked() {
        return new ChannelConfig(type, url, secret == null ? null : MASK, to, smarthost, from, username,
                password == null ? null : MASK, requireTls, caCertificate);
    }
}
