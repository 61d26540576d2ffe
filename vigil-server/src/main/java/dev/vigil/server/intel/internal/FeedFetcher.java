package dev.vigil.server.intel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * Fetches feed files over HTTP(S) with conditional requests ({@code If-None-Match} with the last ETag,
 * {@code If-Modified-Since} with the last {@code Last-Modified}), into a temporary file no larger than the import limit.
 */
@Component
public class FeedFetcher {

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** What the server answered: not modified, or a file (to delete after use) with the validators to send next time. */
    public sealed interface Fetched {
    }

    public record NotModified() implements Fetched {
    }

    public record Downloaded(Path file, String etag, String lastModified) implements Fetched {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final long maxBytes;

    FeedFetcher(VigilProperties properties) {
        this.maxBytes = properties.detection().maxImportSize().toBytes();
    }

    public HttpClient client() {
        return http;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Fetched fetch(URI url, FeedRows.FetchState state, boolean conditional) throws FeedFetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(checked(url)).timeout(TIMEOUT).GET();
        if (state.authValue() != null) {
            request.header(state.authHeader() == null ? "Authorization" : state.authHeader(), state.authValue());
        }
        if (conditional && state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        if (conditional && state.lastModified() != null) {
            request.header("If-Modified-Since", state.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FeedFetchException(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFetchException(url + ": interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return new NotModified();
            }
            if (response.statusCode() != 200) {
                throw new FeedFetchException(url + ": HTTP " + response.statusCode());
            }
            Path file = Files.createTempFile("vigil-feed-", ".download");
            try {
                copy(body, file, url);
            } catch (FeedFetchException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Downloaded(file, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new FeedFetchException(url + ": reading the answer failed: " + e.getMessage());
        }
    }

    /** Only http and https URLs are fetched. */
    public static URI checked(URI url) throws FeedFetchException {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new FeedFetchException(url + ": only http and https URLs can be fetched");
        }
        return url;
    }

    private void copy(InputStream body, Path file, URI url) throws IOException, FeedFetchException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new FeedFetchException(url + ": larger than the import limit vigil.detection.max-import-size ("
                            + maxBytes + " bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
