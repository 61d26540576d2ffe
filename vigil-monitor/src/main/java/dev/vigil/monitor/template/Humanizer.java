package dev.vigil.monitor.template;

import dev.vigil.monitor.gocompat.GoFloat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prometheus's humanize* template functions. */
public final class Humanizer {

    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] BIG_1024 = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};

    private Humanizer() {
    }

    public static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFloat.formatG(v, 4);
        }
        if (Math.abs(v) >= 1) {
            String prefix = "";
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return GoFloat.formatG(v, 4) + prefix;
        }
        return humanizeSmall(v);
    }

    /** Scales a value below 1 into milli/micro/nano/... prefixes. */
    private static String humanizeSmall(double v) {
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoFloat.formatG(v, 4) + prefix;
    }

    public static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFloat.formatG(v, 4);
        }
        String prefix = "";
        for (String p : BIG_1024) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return GoFloat.formatG(v, 4) + prefix;
    }

    public static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFloat.formatG(v, 4);
        }
        if (v == 0) {
            return GoFloat.formatG(v, 4) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = "";
            if (v < 0) {
                sign = "-";
                v = -v;
            }
            long duration = (long) v;
            long seconds = duration % 60;
            long minutes = duration / 60 % 60;
            long hours = duration / 3600 % 24;
            long days = duration / 86400;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + GoFloat.formatG(v, 4) + "s";
        }
        return humanizeSmall(v) + "s";
    }

    public static String humanizePercentage(double v) {
        return GoFloat.formatG(v * 100, 4) + "%";
    }

    /** Go's time.Time.String() in UTC, e.g. {@code 2022-01-25 12:36:43 +0000 UTC}. */
    public static String humanizeTimestamp(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFloat.formatG(v, 4);
        }
        long seconds = (long) Math.floor(v);
        long nanos = Math.round((v - seconds) * 1e9);
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
        String fraction = nanos == 0 ? "" : ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
        return base + fraction + " +0000 UTC";
    }
}
