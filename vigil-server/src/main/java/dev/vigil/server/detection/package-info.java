/**
 * Detection: managed Sigma rules (import, versions, per-tenant switches, exceptions), the pipeline stage that runs the
 * vigil-detect engine on every event and hands detections to alerting, rule tests and retro-hunts over stored events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Detection", allowedDependencies = {"platform", "identity", "audit", "ingest", "alerting"})
package dev.vigil.server.detection;
