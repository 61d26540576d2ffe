package dev.vigil.monitor.template;

import dev.vigil.monitor.gocompat.GoFloat;

import java.util.List;

/** The subset of Go's fmt.Sprintf used in alert templates: flags {@code -+0 }, width, precision, verbs v s d f e g q x t. */
public final class GoPrintf {

    private GoPrintf() {
    }

    public static String format(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            boolean left = false;
            boolean plus = false;
            boolean zero = false;
            boolean space = false;
            for (; i < format.length(); i++) {
                char f = format.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == '0') {
                    zero = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f != '#') {
                    break;
                }
            }
            int width = -1;
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(format.substring(start, Math.min(i, start + 6)));
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                start = i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 6))) : 0;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argIndex >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(argIndex++);
            String body = formatOne(verb, precision, plus, space, arg);
            out.append(pad(body, width, left, zero && !left && !(arg instanceof String)));
        }
        if (argIndex < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argIndex; k < args.size(); k++) {
                out.append(k > argIndex ? ", " : "").append(GoValues.goType(args.get(k))).append('=').append(GoValues.print(args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String formatOne(char verb, int precision, boolean plus, boolean space, Object arg) {
        String body = switch (verb) {
            case 'v' -> arg instanceof Double d && precision >= 0 ? GoFloat.formatG(d, precision) : GoValues.print(arg);
            case 's' -> arg instanceof String || arg instanceof java.util.Map || arg == null
                    ? truncate(GoValues.print(arg), precision) : bad(verb, arg);
            case 'q' -> arg instanceof String s ? quote(s) : bad(verb, arg);
            case 'd' -> arg instanceof Long l ? String.valueOf(l) : bad(verb, arg);
            case 'x', 'X' -> {
                String hex = switch (arg) {
                    case Long l -> Long.toHexString(l);
                    case String s -> toHex(s);
                    default -> null;
                };
                if (hex == null) {
                    yield bad(verb, arg);
                }
                yield verb == 'X' ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
            }
            case 'f', 'F', 'e', 'g' -> {
                if (!(arg instanceof Double d)) {
                    yield bad(verb, arg);
                }
                yield switch (verb) {
                    case 'e' -> GoFloat.formatE(d, precision < 0 ? 6 : precision);
                    case 'g' -> precision < 0 ? GoFloat.formatShortest(d) : GoFloat.formatG(d, precision);
                    default -> GoFloat.formatF(d, precision < 0 ? 6 : precision);
                };
            }
            case 't' -> arg instanceof Boolean b ? b.toString() : bad(verb, arg);
            default -> bad(verb, arg);
        };
        boolean numeric = arg instanceof Double || arg instanceof Long;
        if (numeric && !body.startsWith("-") && !body.startsWith("%!") && !body.startsWith("+")) {
            if (plus) {
                body = "+" + body;
            } else if (space) {
                body = " " + body;
            }
        }
        return body;
    }

    private static String bad(char verb, Object arg) {
        return "%!" + verb + "(" + GoValues.goType(arg) + "=" + GoValues.print(arg) + ")";
    }

    private static String truncate(String s, int precision) {
        return precision >= 0 && s.length() > precision ? s.substring(0, precision) : s;
    }

    private static String toHex(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String pad(String body, int width, boolean left, boolean zero) {
        if (width <= body.length()) {
            return body;
        }
        int missing = width - body.length();
        if (left) {
            return body + " ".repeat(missing);
        }
        if (zero) {
            boolean signed = body.startsWith("-") || body.startsWith("+");
            return signed ? body.charAt(0) + "0".repeat(missing) + body.substring(1) : "0".repeat(missing) + body;
        }
        return " ".repeat(missing) + body;
    }
}
