package dev.vigil.server.asset;

import java.util.UUID;

/** Published inside the transaction that changed an asset's software inventory (API, scan, SBOM, merge). */
public record AssetSoftwareChanged(String tenant, UUID assetId) {
}
