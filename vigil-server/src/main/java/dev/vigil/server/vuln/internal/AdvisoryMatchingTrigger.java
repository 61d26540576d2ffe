package dev.vigil.server.vuln.internal;

import dev.vigil.server.asset.AssetSoftwareChanged;
import dev.vigil.server.asset.AssetUpdated;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-matches an asset against the advisory database, in the same transaction, when its software inventory changes,
 * and when its attributes change (its {@code os:} tag tells the distribution of packages that do not say theirs).
 */
@Component
class AdvisoryMatchingTrigger {

    private final AdvisoryMatching matching;
    private final AccessPolicy access;

    AdvisoryMatchingTrigger(AdvisoryMatching matching, AccessPolicy access) {
        this.matching = matching;
        this.access = access;
    }

    @EventListener
    void onSoftwareChanged(AssetSoftwareChanged changed) {
        matching.matchAsset(changed.assetId(), actor());
    }

    @EventListener
    void onAssetUpdated(AssetUpdated updated) {
        matching.matchAsset(updated.assetId(), actor());
    }

    private String actor() {
        return access.current().map(VigilPrincipal::username).orElse("system:advisory-match");
    }
}
