package dev.vigil.server.asset;

import java.util.UUID;

/**
 * Published inside the merge transaction: {@code merged} is now part of {@code into}; features that file data under
 * assets move theirs.
 */
public record AssetsMerged(String tenant, UUID into, UUID merged) {
}
