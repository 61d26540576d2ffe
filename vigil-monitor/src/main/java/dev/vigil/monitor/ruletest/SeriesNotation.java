package dev.vigil.monitor.ruletest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.monitor.promql.model.Point;

/**
 * promtool's expanding series notation: {@code a+bxn} (n+1 samples), {@code a-bxn}, {@code axn} (n+1 copies),
 * {@code _} (missing sample), {@code _xn} (n missing), {@code stale} (staleness marker) and plain numbers.
 */
public final class SeriesNotation {

    private static final String UNSIGNED = "(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[iI][nN][fF]|[nN][aA][nN])";
    private static final Pattern ITEM = Pattern.compile(
            "(?<blank>_)(?:x(?<blankTimes>\\d+))?"
                    + "|(?<stale>stale)"
                    + "|(?<start>[-+]?" + UNSIGNED + ")(?:(?<delta>[-+]" + UNSIGNED + ")?x(?<times>\\d+))?");

    private static final long MAX_SAMPLES = 5_000_000;

    private SeriesNotation() {
    }

    /** Expands {@code values} into points at {@code startMs + k * intervalMs}; throws IllegalArgumentException naming the bad item. */
    public static List<Point> expand(String values, long startMs, long intervalMs) {
        List<Point> points = new ArrayList<>();
        long slot = 0;
        String trimmed = values.trim();
        if (trimmed.isEmpty()) {
            return points;
        }
        for (String item : trimmed.split("\\s+")) {
            if (slot > MAX_SAMPLES) {
                throw new IllegalArgumentException("series expands to more than " + MAX_SAMPLES + " samples");
            }
            Matcher m = ITEM.matcher(item);
            if (item.startsWith("{{")) {
                throw new IllegalArgumentException("native histogram samples are not supported: \"" + item + "\"");
            }
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid series value \"" + item + "\" (expected a number, a+bxn, axn, _ or stale)");
            }
            if (m.group("blank") != null) {
                slot += m.group("blankTimes") == null ? 1 : count(m.group("blankTimes"), item);
            } else if (m.group("stale") != null) {
                points.add(new Point(startMs + slot++ * intervalMs, Double.NaN, true));
            } else {
                double start = number(m.group("start"));
                if (m.group("times") == null) {
                    points.add(new Point(startMs + slot++ * intervalMs, start, false));
                    continue;
                }
                long times = count(m.group("times"), item);
                double delta = m.group("delta") == null ? 0 : number(m.group("delta"));
                double v = start;
                for (long k = 0; k <= times; k++) {
                    points.add(new Point(startMs + slot++ * intervalMs, v, false));
                    v += delta;
                }
            }
        }
        return points;
    }

    private static long count(String digits, String item) {
        try {
            long n = Long.parseLong(digits);
            if (n > 1_000_000) {
                throw new IllegalArgumentException("series value \"" + item + "\" expands to too many samples");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("series value \"" + item + "\" expands to too many samples");
        }
    }

    private static double number(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
