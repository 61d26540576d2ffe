/**
 * Threat intelligence: indicator feeds (uploaded or fetched on a schedule: CSV, plain lists, STIX 2.1, MISP, abuse.ch,
 * ThreatFox, TAXII 2.1), their lifecycle (expiry, revocation, verdicts, allowlist, sightings), the live indicator
 * matcher on the event path and its alerts, retro-hunts, and ATT&CK coverage of the detection rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligence", allowedDependencies = {"platform", "identity", "audit", "ingest", "alerting", "detection"})
package dev.vigil.server.intel;
