package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import java.time.Instant;

/** ThreatFox's {@code ioc_type} vocabulary, shared by its CSV export and its API JSON. */
final class ThreatFoxIoc {

    private ThreatFoxIoc() {
    }

    /**
     * The indicator for one ThreatFox entry; {@code ip:port} values keep only the address.
     *
     * @throws IllegalArgumentException for an unknown {@code ioc_type}
     */
    static Indicator indicator(String id, String iocType, String value, int confidence, Instant firstSeen,
                               Instant lastSeen, String source) {
        String indicatorValue = value;
        IndicatorType type = switch (iocType) {
            case "ip:port" -> {
                int colon = value.lastIndexOf(':');
                indicatorValue = colon > 0 ? value.substring(0, colon) : value;
                if (indicatorValue.startsWith("[") && indicatorValue.endsWith("]")) {
                    indicatorValue = indicatorValue.substring(1, indicatorValue.length() - 1);
                }
                yield indicatorValue.indexOf(':') >= 0 ? IndicatorType.IPV6 : IndicatorType.IPV4;
            }
            case "domain" -> IndicatorType.DOMAIN;
            case "url" -> IndicatorType.URL;
            case "md5_hash" -> IndicatorType.MD5;
            case "sha1_hash" -> IndicatorType.SHA1;
            case "sha256_hash" -> IndicatorType.SHA256;
            default -> throw new IllegalArgumentException("unknown ThreatFox ioc_type '" + iocType + "'");
        };
        return new Indicator("threatfox:" + id, type, indicatorValue, source, confidence, firstSeen, lastSeen, null);
    }
}
