/**
 * Assets: the inventory of hosts, services, data stores, cloud resources and network devices per tenant, with the
 * names and addresses they are known by, their software and links; CSV import, discovery from events, de-duplication
 * and merge, and coverage (which assets are blind spots).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Asset", allowedDependencies = {"platform", "identity", "audit", "ingest"})
package dev.vigil.server.asset;
