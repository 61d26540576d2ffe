package dev.vigil.detect.baseline;

import java.util.Locale;

/**
 * How a field value becomes the term a detector learns. Network prefixes let "a new /24" stand for "a new place": an
 * address in a known network is not new. A country needs an enrichment field (e.g. {@code source.geo.country_iso_code})
 * used with {@link #VALUE}; this library has no geolocation database.
 */
public enum TermTransform {
    /** the value as it is */
    VALUE,
    /** the value lower-cased */
    LOWER_CASE,
    /** an IPv4 address as its /24 network ({@code 203.0.113.0/24}); other values as they are */
    IPV4_NETWORK_24,
    /** an IPv4 address as its /16 network ({@code 203.0.0.0/16}); other values as they are */
    IPV4_NETWORK_16;

    public String apply(String value) {
        return switch (this) {
            case VALUE -> value;
            case LOWER_CASE -> value.toLowerCase(Locale.ROOT);
            case IPV4_NETWORK_24 -> network(value, 3);
            case IPV4_NETWORK_16 -> network(value, 2);
        };
    }

    private static String network(String value, int octets) {
        String[] parts = value.strip().split("\\.", -1);
        if (parts.length != 4) {
            return value;
        }
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int octet;
            try {
                octet = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return value;
            }
            if (octet < 0 || octet > 255 || parts[i].length() > 3) {
                return value;
            }
            network.append(i < octets ? octet : 0).append(i < 3 ? "." : "");
        }
        return network.append('/').append(octets * 8).toString();
    }
}
