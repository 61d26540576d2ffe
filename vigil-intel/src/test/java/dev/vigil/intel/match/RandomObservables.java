package dev.vigil.intel.match;

import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.indicator.IndicatorType;

import java.util.Locale;
import java.util.Random;

/**
 * Random indicator and event values drawn from small pools, so that values repeat, networks nest and share
 * boundaries, domains are parents of one another and URLs differ only in case, port or fragment.
 */
final class RandomObservables {

    private static final String[] LABELS = {"evil", "a", "b", "test", "cdn", "bücher", "пример", "x-1"};
    private static final String[] TOP = {"test", "example", "a"};

    private RandomObservables() {
    }

    /** A value of an indicator of {@code type}, in the spellings feeds use. */
    static String indicatorValue(IndicatorType type, Random random) {
        return switch (type) {
            case IPV4 -> Ipv4.format(address(random));
            case IPV4_CIDR -> Ipv4.format(address(random)) + "/" + prefixLength(random);
            case IPV6 -> ipv6(random);
            case IPV6_CIDR -> ipv6(random) + "/" + random.nextInt(129);
            case DOMAIN -> domain(random);
            case URL -> url(random);
            case MD5 -> digest(random, 32);
            case SHA1 -> digest(random, 40);
            case SHA256 -> digest(random, 64);
            case EMAIL -> email(random);
        };
    }

    /** An event value of {@code kind}, sometimes upper-cased or padded with white space. */
    static String eventValue(ObservableKind kind, Random random) {
        String value = switch (kind) {
            case IP_ADDRESS -> random.nextInt(4) == 0 ? ipv6(random) : Ipv4.format(address(random));
            case DOMAIN -> (random.nextBoolean() ? LABELS[random.nextInt(LABELS.length)] + "." : "") + domain(random);
            case URL -> url(random);
            case FILE_HASH -> digest(random, new int[] {32, 40, 64, 63}[random.nextInt(4)]);
            case EMAIL -> email(random);
        };
        return switch (random.nextInt(8)) {
            case 0 -> value.toUpperCase(Locale.ROOT);
            case 1 -> " " + value + "\t";
            default -> value;
        };
    }

    /** Addresses from a few clusters, including both ends of the address space, so that networks overlap. */
    private static long address(Random random) {
        long[] bases = {0L, 0xC633_6400L, 0xC633_64FFL, 0x0A00_0000L, 0xFFFF_FF00L};
        long base = bases[random.nextInt(bases.length)];
        return Math.min(0xFFFF_FFFFL, base + random.nextInt(random.nextBoolean() ? 8 : 1 << 20));
    }

    private static int prefixLength(Random random) {
        return random.nextInt(5) == 0 ? random.nextInt(33) : 20 + random.nextInt(13);
    }

    private static String ipv6(Random random) {
        return "2001:db8:" + Integer.toHexString(random.nextInt(3)) + "::" + Integer.toHexString(random.nextInt(4));
    }

    private static String domain(Random random) {
        StringBuilder name = new StringBuilder(TOP[random.nextInt(TOP.length)]);
        int labels = random.nextInt(4);
        for (int i = 0; i < labels; i++) {
            name.insert(0, LABELS[random.nextInt(LABELS.length)] + ".");
        }
        if (random.nextInt(6) == 0) {
            name.append('.');
        }
        return random.nextInt(6) == 0 ? name.toString().toUpperCase(Locale.ROOT) : name.toString();
    }

    private static String url(Random random) {
        String scheme = random.nextBoolean() ? "http://" : "HTTPS://";
        String port = random.nextInt(4) == 0 ? ":80" : random.nextInt(4) == 0 ? ":8080" : "";
        String[] paths = {"", "/", "/Drop.exe", "/drop.exe", "/a?b=1", "/ü/x", "/путь"};
        return scheme + domain(random) + port + paths[random.nextInt(paths.length)]
                + (random.nextInt(5) == 0 ? "#frag" : "");
    }

    private static String digest(Random random, int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            // Few varying digits: digests share their first word often enough to exercise probing.
            boolean varies = i == 0 || i >= digits - 2;
            hex.append(varies ? "0aF".charAt(random.nextInt(3)) : '0');
        }
        return hex.toString();
    }

    private static String email(Random random) {
        return new String[] {"boss", "Boss", "x"}[random.nextInt(3)] + "@" + domain(random);
    }
}
