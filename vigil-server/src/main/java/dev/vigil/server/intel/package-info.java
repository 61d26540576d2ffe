/**
 * Threat intelligence: indicator feeds (CSV and plain lists today), the live indicator matcher on the event path and
 * its alerts. STIX/TAXII/MISP feeds with schedules, the indicator lifecycle, retro-hunts of new indicators and ATT&CK
 * coverage arrive with the threat-intelligence issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intelligence", allowedDependencies = {"platform", "identity", "audit", "ingest", "alerting"})
package dev.vigil.server.intel;
