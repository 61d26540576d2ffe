/**
 * Detection: Sigma rule management per tenant, exceptions, retro-hunts and the pipeline stage that runs the vigil-detect engine, turning detections into alerts.
 * <p>The feature arrives with its issue; until then this package holds only its boundary: it may use the platform,
 * identity and audit APIs, and nothing may use its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Detection", allowedDependencies = {"platform", "identity", "audit"})
package dev.vigil.server.detection;
