package dev.vigil.intel.canonical;

/** An IPv6 CIDR block; the network address always has its host bits cleared. */
public record Ipv6Network(Ipv6 network, int prefixLength) {

    /** Parses {@code addr/n} (host bits masked off); null when malformed. */
    public static Ipv6Network parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            Ipv6 address = Ipv6.parse(text);
            return address == null ? null : new Ipv6Network(address, 128);
        }
        Ipv6 address = Ipv6.parse(text.substring(0, slash));
        int length = PrefixLength.parse(text, slash + 1, 128);
        if (address == null || length < 0) {
            return null;
        }
        return new Ipv6Network(address.masked(length), length);
    }

    public boolean contains(Ipv6 address) {
        return address.masked(prefixLength).equals(network);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
