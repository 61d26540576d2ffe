package dev.vigil.intel.canonical;

/** An IPv4 CIDR block; the network address always has its host bits cleared. */
public record Ipv4Network(long network, int prefixLength) {

    /** Parses {@code a.b.c.d/n} (host bits are masked off, as most feeds are lax about them); null when malformed. */
    public static Ipv4Network parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            long address = Ipv4.parse(text);
            return address == Ipv4.INVALID ? null : new Ipv4Network(address, 32);
        }
        long address = Ipv4.parse(text, 0, slash);
        int length = PrefixLength.parse(text, slash + 1, 32);
        if (address == Ipv4.INVALID || length < 0) {
            return null;
        }
        return new Ipv4Network(address & Ipv4.mask(length), length);
    }

    public boolean contains(long address) {
        return (address & Ipv4.mask(prefixLength)) == network;
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefixLength;
    }
}
