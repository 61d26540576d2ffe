package dev.vigil.server.vuln.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.vigil.server.asset.AssetView;
import dev.vigil.server.asset.SoftwarePackage;
import dev.vigil.vuln.advisory.DistroRelease;
import dev.vigil.vuln.advisory.PackageKey;

/**
 * The distribution release an asset runs, for matching packages that do not say theirs: the asset's {@code os:} tag
 * ({@code os:debian-12}, {@code os:bookworm}, {@code os:ubuntu-22.04}, {@code os:alpine-3.18}, {@code os:rhel-9.2};
 * the syntax of a package URL's {@code distro} qualifier), else the one release that the {@code distro} qualifiers of
 * its inventory's package URLs name, when they all name the same. Unknown otherwise (several releases, none, or a tag
 * that names no known distribution): then nothing is assumed.
 */
final class AssetDistribution {

    static final String TAG = "os:";

    private AssetDistribution() {
    }

    static Optional<DistroRelease> of(AssetView asset, List<SoftwarePackage> software) {
        for (String tag : asset.tags()) {
            if (tag.toLowerCase(Locale.ROOT).startsWith(TAG)) {
                return DistroRelease.parse(tag.substring(TAG.length()), null);
            }
        }
        Set<DistroRelease> named = new HashSet<>();
        for (SoftwarePackage p : software) {
            PackageKey.distroOfPurl(p.purl()).ifPresent(named::add);
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }
}
