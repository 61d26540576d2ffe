package dev.vigil.vuln.advisory;

import java.util.Locale;
import java.util.Optional;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * What identifies a package across advisories and inventories: the package-URL type and the namespace/name path,
 * without version, qualifiers or subpath. Names are compared without case, and PyPI names as PEP 503 normalises
 * them ({@code Foo_Bar} = {@code foo-bar}).
 */
public record PackageKey(String type, String path) {

    public static PackageKey of(String type, String path) {
        String t = type.toLowerCase(Locale.ROOT);
        String p = path.toLowerCase(Locale.ROOT);
        if (t.equals("pypi")) {
            p = p.replaceAll("[-_.]+", "-");
        }
        return new PackageKey(t, p);
    }

    /** The key of a package URL, or empty when it is not a valid one. */
    public static Optional<PackageKey> ofPurl(String purl) {
        PackageURL parsed = parse(purl);
        if (parsed == null) {
            return Optional.empty();
        }
        String path = parsed.getNamespace() == null ? parsed.getName() : parsed.getNamespace() + "/" + parsed.getName();
        return Optional.of(of(parsed.getType(), path));
    }

    /** The ecosystem of a package URL ({@code pkg:deb/debian/...} → Debian), or empty when unknown or invalid. */
    public static Optional<String> ecosystemOfPurl(String purl) {
        PackageURL parsed = parse(purl);
        return parsed == null ? Optional.empty() : Ecosystems.ofPurl(parsed.getType(), parsed.getNamespace());
    }

    /**
     * The distribution release a package URL's {@code distro} qualifier names ({@code distro=debian-12},
     * {@code distro=bookworm}, {@code distro=alpine-3.18.4}; a bare number takes the namespace as distribution), or
     * empty when there is none or it names no known distribution.
     */
    public static Optional<DistroRelease> distroOfPurl(String purl) {
        PackageURL parsed = parse(purl);
        if (parsed == null || parsed.getQualifiers() == null) {
            return Optional.empty();
        }
        return DistroRelease.parse(parsed.getQualifiers().get("distro"), parsed.getNamespace());
    }

    /** The version a package URL carries, or null. */
    public static String versionOfPurl(String purl) {
        PackageURL parsed = parse(purl);
        return parsed == null ? null : parsed.getVersion();
    }

    private static PackageURL parse(String purl) {
        if (purl == null || !purl.startsWith("pkg:")) {
            return null;
        }
        try {
            return new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }
}
