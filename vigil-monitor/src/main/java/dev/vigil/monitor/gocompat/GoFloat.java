package dev.vigil.monitor.gocompat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting ({@code %v}, {@code %.Ng}, {@code %.Nf}, {@code %.Ne}). Go rounds the exact binary value
 * half-to-even, which differs from {@link String#format} on ties such as 0.125, hence this class.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** {@code %v} (strconv 'g', shortest precision): exponent form when the decimal exponent is < -4 or >= 6. */
    public static String formatShortest(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            return isNegativeZero(v) ? "-0" : "0";
        }
        // Since JDK 19 Double.toString yields the shortest representation that round-trips, like Go.
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return layoutG(d, 6, v < 0);
    }

    /** {@code %.<precision>g}. */
    public static String formatG(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        int p = precision <= 0 ? 1 : precision;
        if (v == 0) {
            return isNegativeZero(v) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return layoutG(d, p, v < 0);
    }

    private static String layoutG(BigDecimal d, int exponentPrecision, boolean negative) {
        BigDecimal abs = d.abs();
        String digits = abs.unscaledValue().toString();
        int exponent = digits.length() - abs.scale() - 1;
        String body;
        if (exponent < -4 || exponent >= exponentPrecision) {
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            body = mantissa + exponentSuffix(exponent);
        } else {
            body = abs.toPlainString();
        }
        return negative ? "-" + body : body;
    }

    /** {@code %.<precision>f}. */
    public static String formatF(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String body = new BigDecimal(v).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return v < 0 || isNegativeZero(v) ? "-" + body : body;
    }

    /** {@code %.<precision>e}. */
    public static String formatE(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            String zeros = precision > 0 ? "." + "0".repeat(precision) : "";
            return (isNegativeZero(v) ? "-" : "") + "0" + zeros + "e+00";
        }
        BigDecimal d = new BigDecimal(v).abs().round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - d.scale() - 1;
        while (digits.length() < precision + 1) {
            digits = digits + "0";
        }
        digits = digits.substring(0, precision + 1);
        String mantissa = precision > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (v < 0 ? "-" : "") + mantissa + exponentSuffix(exponent);
    }

    private static String exponentSuffix(int exponent) {
        String e = String.valueOf(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static boolean isNegativeZero(double v) {
        return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }
}
