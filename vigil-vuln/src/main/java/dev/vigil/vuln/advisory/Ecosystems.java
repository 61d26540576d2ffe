package dev.vigil.vuln.advisory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How OSV ecosystems, package-URL types and CVE collection URLs name the same package registries. Operating-system
 * ecosystems keep their distribution as the package URL namespace ({@code pkg:deb/debian/openssl}), because Debian
 * and Ubuntu version the same package differently.
 */
public final class Ecosystems {

    private record PurlBase(String type, String namespace) {
    }

    private static final Map<String, PurlBase> PURL_OF = Map.ofEntries(
            Map.entry("npm", new PurlBase("npm", null)), Map.entry("pypi", new PurlBase("pypi", null)),
            Map.entry("maven", new PurlBase("maven", null)), Map.entry("go", new PurlBase("golang", null)),
            Map.entry("crates.io", new PurlBase("cargo", null)), Map.entry("rubygems", new PurlBase("gem", null)),
            Map.entry("nuget", new PurlBase("nuget", null)), Map.entry("packagist", new PurlBase("composer", null)),
            Map.entry("hex", new PurlBase("hex", null)), Map.entry("pub", new PurlBase("pub", null)),
            Map.entry("swifturl", new PurlBase("swift", null)), Map.entry("github actions", new PurlBase("github", null)),
            Map.entry("debian", new PurlBase("deb", "debian")), Map.entry("ubuntu", new PurlBase("deb", "ubuntu")),
            Map.entry("alpine", new PurlBase("apk", "alpine")), Map.entry("wolfi", new PurlBase("apk", "wolfi")),
            Map.entry("chainguard", new PurlBase("apk", "chainguard")),
            Map.entry("red hat", new PurlBase("rpm", "redhat")), Map.entry("suse", new PurlBase("rpm", "suse")),
            Map.entry("opensuse", new PurlBase("rpm", "opensuse")), Map.entry("rocky linux", new PurlBase("rpm", "rocky-linux")),
            Map.entry("almalinux", new PurlBase("rpm", "almalinux")), Map.entry("mageia", new PurlBase("rpm", "mageia")),
            Map.entry("openeuler", new PurlBase("rpm", "openeuler")));

    private static final Map<String, String> ECOSYSTEM_OF_PURL = Map.ofEntries(
            Map.entry("npm", "npm"), Map.entry("pypi", "PyPI"), Map.entry("maven", "Maven"), Map.entry("golang", "Go"),
            Map.entry("cargo", "crates.io"), Map.entry("gem", "RubyGems"), Map.entry("nuget", "NuGet"),
            Map.entry("composer", "Packagist"), Map.entry("hex", "Hex"), Map.entry("pub", "Pub"),
            Map.entry("swift", "SwiftURL"), Map.entry("github", "GitHub Actions"),
            Map.entry("deb/debian", "Debian"), Map.entry("deb/ubuntu", "Ubuntu"), Map.entry("apk/alpine", "Alpine"),
            Map.entry("apk/wolfi", "Wolfi"), Map.entry("apk/chainguard", "Chainguard"), Map.entry("rpm/redhat", "Red Hat"),
            Map.entry("rpm/suse", "SUSE"), Map.entry("rpm/opensuse", "openSUSE"), Map.entry("rpm/rocky-linux", "Rocky Linux"),
            Map.entry("rpm/almalinux", "AlmaLinux"), Map.entry("rpm/mageia", "Mageia"), Map.entry("rpm/openeuler", "openEuler"));

    private static final Map<String, String> ECOSYSTEM_OF_COLLECTION = Map.ofEntries(
            Map.entry("repo.maven.apache.org/maven2", "Maven"), Map.entry("repo1.maven.org/maven2", "Maven"),
            Map.entry("registry.npmjs.org", "npm"), Map.entry("www.npmjs.com", "npm"), Map.entry("npmjs.com", "npm"),
            Map.entry("pypi.org", "PyPI"), Map.entry("pypi.python.org", "PyPI"), Map.entry("proxy.golang.org", "Go"),
            Map.entry("pkg.go.dev", "Go"), Map.entry("crates.io", "crates.io"), Map.entry("rubygems.org", "RubyGems"),
            Map.entry("www.nuget.org", "NuGet"), Map.entry("api.nuget.org", "NuGet"), Map.entry("nuget.org", "NuGet"),
            Map.entry("packagist.org", "Packagist"), Map.entry("hex.pm", "Hex"), Map.entry("pub.dev", "Pub"));

    private Ecosystems() {
    }

    /** The base of an ecosystem name: {@code Debian:12} → {@code Debian}. */
    public static String base(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip();
    }

    /** The package key of an OSV ecosystem and package name, or empty when the ecosystem has no package-URL type. */
    public static Optional<PackageKey> key(String ecosystem, String name) {
        if (ecosystem == null || name == null) {
            return Optional.empty();
        }
        PurlBase base = PURL_OF.get(base(ecosystem).toLowerCase(Locale.ROOT));
        if (base == null) {
            return Optional.empty();
        }
        String full = base.type().equals("maven") ? name.replace(':', '/') : name;
        return Optional.of(PackageKey.of(base.type(), base.namespace() == null ? full : base.namespace() + "/" + full));
    }

    /** The OSV ecosystem a package-URL type (and namespace, for OS packages) belongs to. */
    public static Optional<String> ofPurl(String type, String namespace) {
        String t = type.toLowerCase(Locale.ROOT);
        String ecosystem = ECOSYSTEM_OF_PURL.get(t);
        if (ecosystem == null && namespace != null) {
            ecosystem = ECOSYSTEM_OF_PURL.get(t + "/" + namespace.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(ecosystem);
    }

    /** The OSV ecosystem of a CVE record's {@code collectionURL}, e.g. {@code https://pypi.org} → PyPI. */
    public static Optional<String> ofCollectionUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String key = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceAll("/+$", "");
        return Optional.ofNullable(ECOSYSTEM_OF_COLLECTION.get(key));
    }
}
