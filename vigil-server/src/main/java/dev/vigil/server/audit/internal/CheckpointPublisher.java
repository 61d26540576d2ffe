package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.server.platform.config.VigilProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies each checkpoint to places outside the data folder — a folder (vigil.audit.publish-dir: {@code checkpoint}
 * holds the latest, {@code checkpoint-<size>} every one) and/or an HTTP endpoint (vigil.audit.publish-url, POST
 * text/plain) — so that a rewrite of the whole store is caught later against them.
 */
@Component
class CheckpointPublisher {

    static final String LATEST = "checkpoint";
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final Optional<Path> directory;
    private final Optional<URI> endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Counter failures;

    CheckpointPublisher(VigilProperties properties, MeterRegistry meters) {
        String dir = properties.audit().publishDir();
        String url = properties.audit().publishUrl();
        this.directory = dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
        this.endpoint = url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
        this.failures = Counter.builder("vigil.audit.checkpoint.publish.failures")
                .description("checkpoints that could not be published").register(meters);
    }

    Optional<Path> directory() {
        return directory;
    }

    /** Publishes; returns false (and counts a failure) when a destination refused, so the caller retries later. */
    boolean publish(SignedCheckpoint checkpoint) {
        boolean ok = true;
        String note = checkpoint.format();
        if (directory.isPresent()) {
            try {
                Files.createDirectories(directory.get());
                Path numbered = directory.get().resolve("checkpoint-" + checkpoint.checkpoint().treeSize());
                Files.writeString(numbered, note, StandardCharsets.UTF_8);
                Path temporary = directory.get().resolve(LATEST + ".tmp");
                Files.writeString(temporary, note, StandardCharsets.UTF_8);
                Files.move(temporary, directory.get().resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                ok = false;
                log.warn("cannot publish audit checkpoint to {}: {}", directory.get(), e.getMessage());
            }
        }
        if (endpoint.isPresent()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.get()).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    ok = false;
                    log.warn("audit checkpoint endpoint {} answered {}", endpoint.get(), response.statusCode());
                }
            } catch (IOException e) {
                ok = false;
                log.warn("cannot publish audit checkpoint to {}: {}", endpoint.get(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
            }
        }
        if (!ok) {
            failures.increment();
        }
        return ok;
    }
}
