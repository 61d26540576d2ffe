package dev.vigil.server.incident.internal.playbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import dev.vigil.server.alerting.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * One POST of a webhook step. The body is JSON; {@code Idempotency-Key} is the same on every attempt of the step (also
 * when the run is resumed), so the receiver can recognise a repeated call. With a secret, {@code X-Vigil-Signature:
 * sha256=<hex>} is the HMAC-SHA256 of {@code <timestamp>.<body>} under it and {@code X-Vigil-Timestamp} the Unix seconds
 * (see {@link WebhookSignature}, as alerting's webhook channel signs).
 */
@Component
class WebhookCall {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    WebhookCall(Clock clock) {
        this.clock = clock;
    }

    /** Posts and answers the status; throws when the receiver cannot be reached or answers other than 2xx. */
    int post(String url, String secret, byte[] body, String idempotencyKey, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isEmpty()) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
            request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IllegalStateException("no answer from " + url + " within " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + url);
        }
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body().strip();
            throw new IllegalStateException(url + " answered " + response.statusCode()
                    + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
        }
        return response.statusCode();
    }
}
