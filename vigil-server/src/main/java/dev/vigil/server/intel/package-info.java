/**
 * Threat intelligence: indicator feeds (uploaded or fetched on a schedule: CSV, plain lists, STIX 2.1, MISP, abuse.ch,
 * ThreatFox, TAXII 2.1), their lifecycle (expiry, revocation, verdicts, allowlist, sightings), the live indicator
 * matcher on the event path and its alerts, retro-hunts, ATT&CK coverage of the detection rules, and sharing over
 * TAXII 2.1 (collections of indicators and of incidents' STIX exports, read through the {@link dev.vigil.server.intel.SharedIncidents} SPI that the incident feature implements).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligence", allowedDependencies = {"platform", "identity", "audit", "ingest", "alerting", "detection"})
package dev.vigil.server.intel;
