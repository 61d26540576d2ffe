package dev.vigil.server.alerting.internal.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.vigil.server.alerting.ChannelConfig;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON POST of the alert document. With a secret, {@code X-Vigil-Signature: sha256=<hex>} is the HMAC-SHA256 of
 * {@code <timestamp>.<body>} under the secret, and {@code X-Vigil-Timestamp} the Unix seconds, so the receiver can
 * check both origin and freshness.
 */
@Component
class WebhookChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean serves(String type) {
        return type.equals("webhook");
    }

    @Override
    public SendResult send(NotificationMessage message, ChannelConfig config) {
        byte[] body = JSON.writeValueAsBytes(message.document());
        Map<String, String> headers = new LinkedHashMap<>();
        if (config.secret() != null && !config.secret().isEmpty()) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            headers.put("X-Vigil-Timestamp", timestamp);
            headers.put("X-Vigil-Signature", "sha256=" + signature(config.secret(), timestamp, body));
        }
        return HttpDelivery.post(config.url(), body, headers);
    }

    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
