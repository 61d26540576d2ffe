package dev.vigil.intel.allowlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;
import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;
import dev.vigil.intel.canonical.UrlNormalizer;
import dev.vigil.intel.indicator.Indicator;

/**
 * Decides which indicators are suppressed because they would match traffic that is known to be benign: an address or
 * network indicator overlapping an allowlisted network; a domain indicator equal to an allowlisted domain, below one
 * that covers its subdomains, or above one (a parent such as {@code example.com} or {@code com} would match all of it);
 * a URL or e-mail indicator whose host or domain is suppressed that way. Hash indicators are never suppressed.
 */
public final class Allowlist {

    private static final String WELL_KNOWN = "well-known.txt";

    private final List<Map.Entry<Ipv4Network, AllowlistEntry>> v4 = new ArrayList<>();
    private final List<Map.Entry<Ipv6Network, AllowlistEntry>> v6 = new ArrayList<>();
    private final Map<String, AllowlistEntry> domains = new HashMap<>();
    private final Map<String, AllowlistEntry> ancestors = new HashMap<>();

    private Allowlist() {
    }

    /** @throws IllegalArgumentException naming the first entry that is neither an address, a network nor a domain */
    public static Allowlist of(Collection<AllowlistEntry> entries) {
        Allowlist allowlist = new Allowlist();
        entries.forEach(allowlist::add);
        return allowlist;
    }

    /** The canonical form of an entry's value, or an exception saying why it is not one. */
    public static String canonical(String value) {
        String text = value == null ? "" : value.strip();
        if (text.contains("/") || Ipv4.parse(text) != Ipv4.INVALID || text.contains(":")) {
            if (Ipv4Network.parse(text) != null) {
                return Ipv4Network.parse(text).toString();
            }
            if (Ipv6Network.parse(text) != null) {
                return Ipv6Network.parse(text).toString();
            }
            throw new IllegalArgumentException("'" + text + "' is not an IP address or network");
        }
        String domain = DomainNames.canonicalize(text);
        if (domain == null || !domain.contains(".") && !domain.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("'" + text + "' is neither an IP address, a network nor a domain");
        }
        return domain;
    }

    private void add(AllowlistEntry entry) {
        String value = canonical(entry.value());
        Ipv4Network network4 = value.contains("/") ? Ipv4Network.parse(value) : null;
        Ipv6Network network6 = value.contains("/") && network4 == null ? Ipv6Network.parse(value) : null;
        if (network4 != null) {
            v4.add(Map.entry(network4, entry));
        } else if (network6 != null) {
            v6.add(Map.entry(network6, entry));
        } else {
            domains.putIfAbsent(value, entry);
            for (int dot = value.indexOf('.'); dot >= 0; dot = value.indexOf('.', dot + 1)) {
                ancestors.putIfAbsent(value.substring(dot + 1), entry);
            }
        }
    }

    public int size() {
        return v4.size() + v6.size() + domains.size();
    }

    /** The entry that suppresses the indicator, if one does. */
    public Optional<AllowlistEntry> suppressing(Indicator indicator) {
        return Optional.ofNullable(switch (indicator.type()) {
            case IPV4, IPV4_CIDR, IPV6, IPV6_CIDR -> network(indicator.value());
            case DOMAIN -> domain(DomainNames.canonicalize(indicator.value()));
            case URL -> host(indicator.value());
            case EMAIL -> {
                int at = indicator.value().lastIndexOf('@');
                yield at < 0 ? null : domain(DomainNames.canonicalize(indicator.value().substring(at + 1)));
            }
            case MD5, SHA1, SHA256 -> null;
        });
    }

    private AllowlistEntry network(String value) {
        String text = value.strip();
        Ipv4Network network4 = Ipv4Network.parse(text);
        if (network4 != null) {
            for (Map.Entry<Ipv4Network, AllowlistEntry> allowed : v4) {
                if (allowed.getKey().contains(network4.network()) || network4.contains(allowed.getKey().network())) {
                    return allowed.getValue();
                }
            }
            return null;
        }
        Ipv6Network network6 = Ipv6Network.parse(text);
        if (network6 != null) {
            for (Map.Entry<Ipv6Network, AllowlistEntry> allowed : v6) {
                if (allowed.getKey().contains(network6.network()) || network6.contains(allowed.getKey().network())) {
                    return allowed.getValue();
                }
            }
        }
        return null;
    }

    private AllowlistEntry domain(String name) {
        if (name == null) {
            return null;
        }
        AllowlistEntry exact = domains.get(name);
        if (exact != null) {
            return exact;
        }
        AllowlistEntry below = ancestors.get(name);
        if (below != null) {
            return below;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            AllowlistEntry parent = domains.get(name.substring(dot + 1));
            if (parent != null && parent.subdomains()) {
                return parent;
            }
        }
        return null;
    }

    private AllowlistEntry host(String url) {
        String normalized = UrlNormalizer.normalize(url);
        if (normalized == null) {
            return null;
        }
        try {
            String host = new URI(normalized).getHost();
            if (host == null) {
                return null;
            }
            if (host.startsWith("[")) {
                return network(host.substring(1, host.length() - 1));
            }
            return Ipv4.parse(host) != Ipv4.INVALID ? network(host) : domain(DomainNames.canonicalize(host));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The shipped list: public DNS resolvers, root name servers and the service domains of large CDNs and platforms
     * (exact names only for CDNs, whose customers' subdomains can be malicious).
     */
    public static List<AllowlistEntry> wellKnown() {
        List<AllowlistEntry> entries = new ArrayList<>();
        try (InputStream in = Allowlist.class.getResourceAsStream(WELL_KNOWN)) {
            if (in == null) {
                throw new IllegalStateException("the shipped allowlist " + WELL_KNOWN + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 3);
                boolean subdomains = parts.length > 1 && parts[1].equals("+subdomains");
                String note = parts.length > (subdomains ? 2 : 1) ? text.substring(text.indexOf(parts[subdomains ? 2 : 1])) : "";
                entries.add(new AllowlistEntry(parts[0], subdomains, note));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
