package dev.vigil.intel.match;

import dev.vigil.intel.canonical.CanonicalUrl;
import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.EmailAddresses;
import dev.vigil.intel.canonical.HexDigests;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;
import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;
import dev.vigil.intel.canonical.Refanger;
import dev.vigil.intel.canonical.UrlNormalizer;
import dev.vigil.intel.indicator.Indicator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, in-memory snapshot of an indicator set, indexed for lookups that cost a few memory accesses whatever
 * its size: packed primitive hash tables for IPv4 addresses and digests, sorted address intervals for IPv4 CIDRs, a
 * label walk over a paged string table for domains, and the same string table for URLs and e-mail addresses. Values
 * are canonicalised once when the index is built; lookups canonicalise the event value once and probe (IPv4 and digest
 * lookups allocate nothing but the matches they return, domains probe their parents without substrings, URLs probe
 * with their canonical form written as bytes into one array, e-mail addresses build their canonical string). Build a new index with {@link #builder()} to change the set (see
 * {@link LiveIndicatorIndex} for swapping it in while matching continues).
 */
public final class IndicatorIndex {

    private final Indicator[] indicators;
    /**
     * Dense rank of each indicator's id in id order (see {@link IdRanks}), for ordering an event's matches; worked out
     * on first use, so an index that is never read in id order (the server's matcher) does not pay for the sort.
     */
    private volatile int[] idRanks;
    /** Bit per ordinal: set when the indicator has an expiry, so a hit on one without reads no record to check it. */
    private final long[] expiring;
    /** Whether any indicator has an expiry; when none has, a hit reads not even the bitmap. */
    private final boolean anyExpiring;
    private final Ipv4AddressTable ipv4Addresses;
    private final Ipv4NetworkTable ipv4Networks;
    private final PostingMap<Ipv6> ipv6Addresses;
    private final Ipv6NetworkTable ipv6Networks;
    private final DomainTable domains;
    private final TextTable urls;
    private final DigestTable md5;
    private final DigestTable sha1;
    private final DigestTable sha256;
    private final TextTable emails;

    private IndicatorIndex(Builder builder) {
        this.indicators = builder.indicators.toArray(Indicator[]::new);
        this.expiring = new long[(indicators.length + 63) >>> 6];
        boolean any = false;
        for (int ordinal = 0; ordinal < indicators.length; ordinal++) {
            if (indicators[ordinal].validUntil() != null) {
                expiring[ordinal >>> 6] |= 1L << ordinal;
                any = true;
            }
        }
        this.anyExpiring = any;
        this.ipv4Addresses = builder.ipv4Addresses;
        this.ipv4Networks = builder.ipv4Networks.build();
        this.ipv6Addresses = builder.ipv6Addresses;
        this.ipv6Networks = builder.ipv6Networks;
        this.domains = builder.domains;
        this.urls = builder.urls;
        this.md5 = builder.md5;
        this.sha1 = builder.sha1;
        this.sha256 = builder.sha256;
        this.emails = builder.emails;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An index with no indicators. */
    public static IndicatorIndex empty() {
        return builder().build();
    }

    public int size() {
        return indicators.length;
    }

    /** The indicators live at {@code at} that match {@code value} read as {@code kind}; empty when none or unreadable. */
    public List<IndicatorMatch> match(ObservableKind kind, String value, Instant at) {
        List<IndicatorMatch> matches = new ArrayList<>(2);
        match(kind, value, at, matches);
        return matches;
    }

    /** Appends to {@code out} the matches of {@code value} read as {@code kind}, skipping indicators expired at {@code at}. */
    public void match(ObservableKind kind, String value, Instant at, List<IndicatorMatch> out) {
        forEachMatch(kind, value, at, (ordinal, matchKind) -> out.add(new IndicatorMatch(indicators[ordinal], matchKind)));
    }

    /** The indicator at {@code ordinal}, as passed to a {@link MatchSink}. */
    Indicator indicator(int ordinal) {
        return indicators[ordinal];
    }

    /** By ordinal, the rank of the indicator's id: comparing ranks compares ids. Sorts the ids on the first call. */
    int[] idRanks() {
        int[] ranks = idRanks;
        if (ranks == null) {
            synchronized (this) {
                ranks = idRanks;
                if (ranks == null) {
                    ranks = IdRanks.of(indicators);
                    idRanks = ranks;
                }
            }
        }
        return ranks;
    }

    /** Passes to {@code out} the ordinals matching {@code value} read as {@code kind}, skipping those expired at {@code at}. */
    void forEachMatch(ObservableKind kind, String value, Instant at, MatchSink out) {
        switch (kind) {
            case IP_ADDRESS -> matchAddress(value, at, out);
            case DOMAIN -> {
                String name = DomainNames.canonicalize(value);
                if (name != null) {
                    SharedPostings shared = domains.postings();
                    domains.forEachMatch(name, (posting, exact) -> emitAll(shared, posting,
                            exact ? MatchKind.DOMAIN_EXACT : MatchKind.DOMAIN_SUBDOMAIN, at, out));
                }
            }
            case URL -> {
                CanonicalUrl url = CanonicalUrl.parse(value);
                if (url != null) {
                    emitAll(urls.postings(), find(url), MatchKind.URL_NORMALIZED, at, out);
                }
            }
            case FILE_HASH -> {
                emitAll(md5.postings(), md5.find(value), MatchKind.HASH, at, out);
                emitAll(sha1.postings(), sha1.find(value), MatchKind.HASH, at, out);
                emitAll(sha256.postings(), sha256.find(value), MatchKind.HASH, at, out);
            }
            case EMAIL -> {
                String address = EmailAddresses.canonicalize(value);
                if (address != null) {
                    emitAll(emails.postings(), emails.find(address), MatchKind.EMAIL, at, out);
                }
            }
        }
    }

    /** The URL's postings, probed with its canonical bytes unless a character is beyond Latin-1 (then as a string). */
    private int find(CanonicalUrl url) {
        byte[] key = new byte[url.latin1Length()];
        return url.writeLatin1(key) ? urls.find(key) : urls.find(url.toString());
    }

    private void matchAddress(String value, Instant at, MatchSink out) {
        String text = value.strip();
        long v4 = Ipv4.parse(text);
        if (v4 != Ipv4.INVALID) {
            emitAll(ipv4Addresses.postings(), ipv4Addresses.find(v4), MatchKind.IP_EXACT, at, out);
            emitNetworks(ipv4Networks.innermostContaining(v4), at, out);
            return;
        }
        Ipv6 v6 = Ipv6.parse(text);
        if (v6 != null) {
            ipv6Addresses.forEach(v6, ordinal -> emit(ordinal, MatchKind.IP_EXACT, at, out));
            ipv6Networks.forEachContaining(v6, ordinal -> emit(ordinal, MatchKind.IP_IN_CIDR, at, out));
        }
    }

    /** Emits {@code block} and every network containing it, widest first. */
    private void emitNetworks(int block, Instant at, MatchSink out) {
        if (block >= 0) {
            emitNetworks(ipv4Networks.parent(block), at, out);
            emitAll(ipv4Networks.postings(), ipv4Networks.postings(block), MatchKind.IP_IN_CIDR, at, out);
        }
    }

    private void emitAll(SharedPostings shared, int posting, MatchKind kind, Instant at, MatchSink out) {
        if (posting >= 0) {
            emit(posting, kind, at, out);
        } else if (posting != SharedPostings.NONE) {
            for (int ordinal : shared.list(posting)) {
                emit(ordinal, kind, at, out);
            }
        }
    }

    private void emit(int ordinal, MatchKind kind, Instant at, MatchSink out) {
        if (!anyExpiring || (expiring[ordinal >>> 6] & (1L << ordinal)) == 0 || indicators[ordinal].isActiveAt(at)) {
            out.accept(ordinal, kind);
        }
    }

    /** Collects indicators, canonicalising and indexing each as it is added. Not thread-safe; build, then share. */
    public static final class Builder {

        private final List<Indicator> indicators = new ArrayList<>();
        private final Ipv4AddressTable ipv4Addresses = new Ipv4AddressTable();
        private final Ipv4NetworkTable.Builder ipv4Networks = new Ipv4NetworkTable.Builder();
        private final PostingMap<Ipv6> ipv6Addresses = new PostingMap<>();
        private final Ipv6NetworkTable ipv6Networks = new Ipv6NetworkTable();
        private final DomainTable domains = new DomainTable();
        private final TextTable urls = new TextTable();
        private final DigestTable md5 = new DigestTable(32);
        private final DigestTable sha1 = new DigestTable(40);
        private final DigestTable sha256 = new DigestTable(64);
        private final TextTable emails = new TextTable();

        private Builder() {
        }

        /**
         * Indexes one indicator.
         *
         * @throws InvalidIndicatorException when the value is not a valid instance of its type; nothing is added then
         */
        public Builder add(Indicator indicator) {
            int ordinal = indicators.size();
            String value = Refanger.refang(indicator.value().strip());
            switch (indicator.type()) {
                case IPV4, IPV4_CIDR -> addIpv4(value, ordinal);
                case IPV6, IPV6_CIDR -> addIpv6(value, ordinal);
                case DOMAIN -> domains.add(require(DomainNames.canonicalize(value), "domain name", value), ordinal);
                case URL -> urls.add(require(UrlNormalizer.normalize(value), "URL", value), ordinal);
                case MD5 -> md5.add(require(digest(value, indicator), "hash", value), ordinal);
                case SHA1 -> sha1.add(require(digest(value, indicator), "hash", value), ordinal);
                case SHA256 -> sha256.add(require(digest(value, indicator), "hash", value), ordinal);
                case EMAIL -> emails.add(require(EmailAddresses.canonicalize(value), "e-mail address", value), ordinal);
            }
            indicators.add(indicator);
            return this;
        }

        public IndicatorIndex build() {
            return new IndicatorIndex(this);
        }

        /** A single address indexes as an exact match, a prefix (even /32) as a network, whatever the feed called it. */
        private void addIpv4(String value, int ordinal) {
            if (value.indexOf('/') < 0) {
                long address = Ipv4.parse(value);
                if (address == Ipv4.INVALID) {
                    throw new InvalidIndicatorException("not an IPv4 address: '" + value + "'");
                }
                ipv4Addresses.add(address, ordinal);
            } else {
                ipv4Networks.add(require(Ipv4Network.parse(value), "IPv4 network", value), ordinal);
            }
        }

        private void addIpv6(String value, int ordinal) {
            if (value.indexOf('/') < 0) {
                ipv6Addresses.add(require(Ipv6.parse(value), "IPv6 address", value), ordinal);
            } else {
                ipv6Networks.add(require(Ipv6Network.parse(value), "IPv6 network", value), ordinal);
            }
        }

        private static String digest(String value, Indicator indicator) {
            String digest = HexDigests.canonicalize(value);
            int expected = switch (indicator.type()) {
                case MD5 -> 32;
                case SHA1 -> 40;
                default -> 64;
            };
            if (digest != null && digest.length() != expected) {
                throw new InvalidIndicatorException(indicator.type().label() + " must have " + expected
                        + " hex digits, got " + digest.length() + ": '" + value + "'");
            }
            return digest;
        }

        private static <T> T require(T canonical, String what, String value) {
            if (canonical == null) {
                throw new InvalidIndicatorException("not a valid " + what + ": '" + value + "'");
            }
            return canonical;
        }
    }
}
