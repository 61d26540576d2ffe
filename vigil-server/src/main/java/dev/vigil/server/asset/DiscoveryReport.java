package dev.vigil.server.asset;

import java.util.List;

/** Outcome of a discovery run: host names seen in events, assets created, and names seen in tenants the caller may not change. */
public record DiscoveryReport(int hostsSeen, int created, int known, int skipped, List<String> createdNames) {
}
