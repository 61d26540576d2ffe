/**
 * Ingest: inputs (syslog UDP/TCP/TLS, HTTP NDJSON, Elasticsearch-compatible _bulk), the durable spool, parsing and normalization to the common schema, enrichment, and the event store behind its EventStore interface.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.ingest;
