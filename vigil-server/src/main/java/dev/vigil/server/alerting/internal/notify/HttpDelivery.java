package dev.vigil.server.alerting.internal.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** Posts a JSON body and tells a sent notification from a temporary or a permanent failure by the answer. */
final class HttpDelivery {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpDelivery() {
    }

    static SendResult post(String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "Vigil")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String detail = "HTTP " + status + (response.body().isBlank() ? "" : ": " + clip(response.body()));
            if (status / 100 == 2) {
                return SendResult.sent(detail);
            }
            return status == 429 || status == 408 || status >= 500 ? SendResult.temporary(detail) : SendResult.permanent(detail);
        } catch (HttpTimeoutException e) {
            return SendResult.temporary("timed out");
        } catch (IOException e) {
            return SendResult.temporary("cannot connect: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.temporary("interrupted");
        }
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
