package dev.vigil.detect.sigma.value;

import java.util.Arrays;

/** {@code cidr}: membership of the field value (an IP address literal) in an IPv4 or IPv6 network. */
public record SigmaCidr(String notation, byte[] network, int prefixLength) implements SigmaValue {

    public static SigmaCidr parse(String notation) {
        int slash = notation.indexOf('/');
        byte[] address = IpAddress.parse(slash >= 0 ? notation.substring(0, slash) : notation);
        if (address == null) {
            throw new SigmaValueException("invalid CIDR network '" + notation + "'");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(notation.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new SigmaValueException("invalid CIDR prefix length in '" + notation + "'");
            }
        }
        return new SigmaCidr(notation, address, prefix);
    }

    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaCidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return notation;
    }
}
