package dev.vigil.server.asset;

import java.util.UUID;

/** Published inside the transaction that changed an asset's attributes (criticality, exposure) or merged into it. */
public record AssetUpdated(String tenant, UUID assetId) {
}
