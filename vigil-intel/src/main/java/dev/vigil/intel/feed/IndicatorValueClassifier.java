package dev.vigil.intel.feed;

import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.EmailAddresses;
import dev.vigil.intel.canonical.HexDigests;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;
import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;
import dev.vigil.intel.canonical.Refanger;
import dev.vigil.intel.indicator.IndicatorType;

import java.util.Optional;

/** Decides what a bare indicator value from an untyped list is: address, network, URL, e-mail, hash or domain. */
public final class IndicatorValueClassifier {

    private IndicatorValueClassifier() {
    }

    /** The type of {@code value} (refanged first), or empty when it is none of them. */
    public static Optional<IndicatorType> classify(String value) {
        String text = Refanger.refang(value.strip());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Ipv4.parse(text) != Ipv4.INVALID) {
            return Optional.of(IndicatorType.IPV4);
        }
        if (text.indexOf('/') > 0 && text.indexOf("://") < 0) {
            if (Ipv4Network.parse(text) != null) {
                return Optional.of(IndicatorType.IPV4_CIDR);
            }
            if (Ipv6Network.parse(text) != null) {
                return Optional.of(IndicatorType.IPV6_CIDR);
            }
        }
        if (Ipv6.parse(text) != null) {
            return Optional.of(IndicatorType.IPV6);
        }
        if (text.indexOf("://") > 0) {
            return Optional.of(IndicatorType.URL);
        }
        if (text.indexOf('@') > 0) {
            return EmailAddresses.canonicalize(text) == null ? Optional.empty() : Optional.of(IndicatorType.EMAIL);
        }
        String digest = HexDigests.canonicalize(text);
        if (digest != null) {
            return Optional.of(switch (digest.length()) {
                case 32 -> IndicatorType.MD5;
                case 40 -> IndicatorType.SHA1;
                default -> IndicatorType.SHA256;
            });
        }
        String domain = DomainNames.canonicalize(text);
        if (domain != null && domain.indexOf('.') > 0 && domain.chars().noneMatch(c -> c == ':' || c == ',')) {
            return Optional.of(IndicatorType.DOMAIN);
        }
        return Optional.empty();
    }
}
