package dev.vigil.ledger.record;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) serialisation of a Jackson tree: object members sorted by the UTF-16
 * code units of their names, no whitespace, strings escaped as ECMAScript {@code JSON.stringify} does, numbers in the
 * ECMAScript shortest round-trip form of their IEEE-754 double value.
 *
 * <p>As RFC 8785 prescribes, every number is taken as the IEEE-754 double nearest to it, so integers beyond 2^53 and
 * decimals with more than 17 significant digits lose precision; send such values as strings (RFC 8785 §3.2.2.3).
 * Numbers beyond the double range are rejected.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] encode(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out, "$");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out, String path) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out, path);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out, path + "[" + i + "]");
                }
                out.append(']');
            }
            case STRING -> writeString(node.stringValue(), out, path);
            case NUMBER -> out.append(formatNumber(node.decimalValue(), path));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new CanonicalJsonException(path + ": " + node.getNodeType() + " has no JSON form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out, String path) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo orders by UTF-16 code units, exactly what RFC 8785 §3.2.3 prescribes.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String childPath = path + "." + member.getKey();
            writeString(member.getKey(), out, childPath);
            out.append(':');
            write(member.getValue(), out, childPath);
        }
        out.append('}');
    }

    static void writeString(String value, StringBuilder out, String path) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new CanonicalJsonException(path + ": string contains an unpaired surrogate (not valid Unicode)");
                }
                out.append(c).append(value.charAt(++i));
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript Number::toString of the double equal to {@code value} (ECMA-262 §6.1.6.1.20). */
    static String formatNumber(BigDecimal value, String path) {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw new CanonicalJsonException(path + ": number " + value + " is beyond the IEEE-754 double range");
        }
        return formatDouble(d);
    }

    /** ECMAScript Number::toString for a finite double. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new CanonicalJsonException("NaN and Infinity have no JSON form");
        }
        if (d == 0) {
            return "0";
        }
        // Since JDK 19 Double.toString yields the shortest decimal that round-trips, the digits ECMAScript requires.
        double magnitude = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Double.toString never prints fewer than two digits (4.9E-324); ECMAScript wants one when it round-trips.
            BigDecimal oneDigit = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(oneDigit.toString()) == magnitude) {
                shortest = oneDigit.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(32);
        if (d < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
