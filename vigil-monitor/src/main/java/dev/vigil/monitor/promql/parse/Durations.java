package dev.vigil.monitor.promql.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus duration syntax ({@code 1h30m}, {@code 5m}, {@code 2m59s999ms}, units y w d h m s ms), to milliseconds. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

    private Durations() {
    }

    /** Parses a duration; throws IllegalArgumentException with the text when it is malformed. */
    public static long parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(text);
        int pos = 0;
        long total = 0;
        int lastRank = Integer.MAX_VALUE;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
            }
            int rank = rank(m.group(2));
            if (rank >= lastRank) {
                throw new IllegalArgumentException("not a valid duration string: \"" + text + "\" (units out of order)");
            }
            lastRank = rank;
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), unitMillis(m.group(2))));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
            }
            pos = m.end();
        }
        return total;
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "y" -> 7;
            case "w" -> 6;
            case "d" -> 5;
            case "h" -> 4;
            case "m" -> 3;
            case "s" -> 2;
            default -> 1;
        };
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "y" -> 365L * 24 * 3600_000;
            case "w" -> 7L * 24 * 3600_000;
            case "d" -> 24L * 3600_000;
            case "h" -> 3600_000;
            case "m" -> 60_000;
            case "s" -> 1000;
            default -> 1;
        };
    }

    /** Go-style rendering used in messages, e.g. {@code 1h0m0s}, {@code 4m59s}. */
    public static String format(long ms) {
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long abs = Math.abs(ms);
        if (ms < 0) {
            out.append('-');
        }
        long h = abs / 3600_000;
        long m = abs / 60_000 % 60;
        long s = abs / 1000 % 60;
        long milli = abs % 1000;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            out.append(m).append('m');
        }
        out.append(s);
        if (milli > 0) {
            out.append('.').append(String.format("%03d", milli).replaceAll("0+$", ""));
        }
        return out.append('s').toString();
    }
}
