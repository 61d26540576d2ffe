package dev.vigil.server.asset;

import java.util.UUID;

/**
 * Published inside the delete transaction before the asset's rows go; a listener that still files data under the asset
 * refuses by throwing a 409 problem, which rolls the delete back.
 */
public record AssetDeleting(String tenant, UUID assetId, String name) {
}
