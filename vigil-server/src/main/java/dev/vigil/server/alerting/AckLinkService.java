package dev.vigil.server.alerting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.SecretCipher;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed one-time links that acknowledge an alert from a notification without signing in: the link names the alert,
 * the receiver and an expiry, is signed with a key derived from the server's secrets key, and works once.
 */
@Service
public class AckLinkService {

    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** A verified link: which alert, sent to whom. */
    public record AckLink(UUID alertId, String receiver, String nonce, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    AckLinkService(JdbcClient jdbc, AuditLog audit, Clock clock, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.key = cipher.deriveKey("alert acknowledgement links");
    }

    /** A token for {@code /ack/{token}}. */
    public String token(UUID alertId, String receiver) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = alertId + "." + clock.instant().plus(LIFETIME).getEpochSecond() + "." + HexFormat.of().formatHex(nonce)
                + "." + B64.encodeToString(receiver.getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /** Checks signature and expiry; 404 for a link that is not Vigil's or is damaged, 410 for an expired one. */
    public AckLink verify(String token) {
        int last = token.lastIndexOf('.');
        String[] parts = last < 0 ? new String[0] : token.substring(0, last).split("\\.");
        try {
            if (parts.length != 4 || !MessageDigest.isEqual(sign(token.substring(0, last)), B64D.decode(token.substring(last + 1)))) {
                throw ProblemException.notFound("acknowledgement link", "");
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!clock.instant().isBefore(expires)) {
                throw new ProblemException(org.springframework.http.HttpStatus.GONE, "expired",
                        "this acknowledgement link expired at " + expires + "; acknowledge the alert in the console");
            }
            return new AckLink(UUID.fromString(parts[0]), new String(B64D.decode(parts[3]), StandardCharsets.UTF_8), parts[2], expires);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("acknowledgement link", "");
        }
    }

    /** The alert a valid link points at. */
    public AlertView alertOf(String token) {
        AckLink link = verify(token);
        return jdbc.sql("SELECT " + dev.vigil.server.alerting.internal.AlertRows.COLUMNS + " FROM alert WHERE id = ?")
                .param(link.alertId()).query(dev.vigil.server.alerting.internal.AlertRows::map).optional()
                .orElseThrow(() -> ProblemException.notFound("alert", link.alertId()));
    }

    /** Acknowledges the link's alert once; a second use is 409. */
    @Transactional
    public AlertView acknowledge(String token, String address) {
        AckLink link = verify(token);
        AlertView alert = alertOf(token);
        int fresh = jdbc.sql("INSERT INTO alert_ack_link (nonce, alert_id, receiver, address) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(link.nonce(), link.alertId(), link.receiver(), address == null ? "" : address).update();
        if (fresh == 0) {
            throw ProblemException.conflict("link-used", "this acknowledgement link was used already");
        }
        if (alert.acknowledgedAt() == null) {
            jdbc.sql("UPDATE alert SET acknowledged_by = ?, acknowledged_at = now() WHERE id = ? AND acknowledged_at IS NULL")
                    .params("link:" + link.receiver(), link.alertId()).update();
        }
        audit.record(AuditEntry.success("alert.acknowledge", "alert", link.alertId(), null, Map.of("title", alert.title(),
                "via", "notification link", "receiver", link.receiver()))
                .by(new Actor("anonymous", link.nonce(), "acknowledgement link sent to " + link.receiver(), address == null ? "" : address)));
        return alertOf(token);
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
