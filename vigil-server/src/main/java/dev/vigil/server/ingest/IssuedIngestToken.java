package dev.vigil.server.ingest;

/** A newly created ingest token; {@code secret} is shown this once and stored only as a hash. */
public record IssuedIngestToken(IngestTokenView token, String secret) {
}
