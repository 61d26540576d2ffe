package dev.vigil.server.asset;

import java.util.Set;

/**
 * A feature that can tell which assets it covers in one respect (service provider interface: monitoring and access
 * implement it, asset coverage asks every registered source of an aspect). When no source of an aspect is registered,
 * that aspect of coverage is reported as unknown.
 */
public interface CoverageSource {

    /** What a source's coverage means. */
    enum Aspect {
        /** something watches the asset: metrics are scraped, it is probed, or a monitor targets it */
        MONITORED,
        /** a bastion target fronts the asset (it can be reached through the recording bastion) */
        BASTION
    }

    Aspect aspect();

    /**
     * The assets of this tenant (slug) the source covers, each as its id or its lower-cased name, whichever the
     * source's data names it by. Answered without a caller check: asset coverage has checked the caller already.
     */
    Set<String> coveredAssets(String tenant);
}
