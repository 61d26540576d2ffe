package dev.vigil.server.alerting.internal.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.alerting.WebhookSignature;
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
            headers.put(WebhookSignature.TIMESTAMP_HEADER, timestamp);
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), timestamp, body));
        }
        return HttpDelivery.post(config.url(), body, headers);
    }
}
