package dev.vigil.bastion.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed parameter of a command template and its strict validation. Values are checked against the type before they
 * are quoted into the command, so shell syntax ({@code ;}, {@code $(…)}, backticks, quotes, newlines) and option-like
 * values (a leading {@code -}) never pass for ip, cidr, hostname, username and path; enum values are fixed by the
 * template; an integer may be negative only when {@code min} says so.
 *
 * @param min    integer: the smallest value (default 0)
 * @param max    integer: the largest value (default {@link Long#MAX_VALUE})
 * @param values enum: the allowed values
 * @param prefix path: the absolute folder (ending in {@code /}) the path must lie under
 */
public record TemplateParameter(String name, ParameterType type, Long min, Long max, List<String> values, String prefix) {

    public static final int MAX_VALUE_LENGTH = 255;
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern USERNAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_@+=,.-]{1,255}");
    private static final Pattern ENUM_VALUE = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    public TemplateParameter {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be 1-32 lower case letters, digits or '_', starting with a letter");
        }
        values = values == null ? List.of() : List.copyOf(values);
        String where = "parameter " + name + ": ";
        if (type != ParameterType.INTEGER && (min != null || max != null)) {
            throw new IllegalArgumentException(where + "min and max are only for integer parameters");
        }
        if (type != ParameterType.ENUM && !values.isEmpty()) {
            throw new IllegalArgumentException(where + "values are only for enum parameters");
        }
        if (type != ParameterType.PATH && prefix != null) {
            throw new IllegalArgumentException(where + "prefix is only for path parameters");
        }
        if (type == ParameterType.INTEGER) {
            min = min == null ? 0L : min;
            max = max == null ? Long.MAX_VALUE : max;
            if (min > max) {
                throw new IllegalArgumentException(where + "min " + min + " is above max " + max);
            }
        }
        if (type == ParameterType.ENUM) {
            if (values.isEmpty() || values.size() > 100) {
                throw new IllegalArgumentException(where + "an enum needs 1-100 values");
            }
            for (String value : values) {
                if (value == null || !ENUM_VALUE.matcher(value).matches()) {
                    throw new IllegalArgumentException(where + "enum value '" + value + "' must be 1-255 characters without control characters");
                }
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException(where + "enum values repeat");
            }
        }
        if (type == ParameterType.PATH) {
            if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/") || (prefix.length() > 1 && !segmentsValid(prefix.substring(1,
                    prefix.length() - 1)))) {
                throw new IllegalArgumentException(where + "a path parameter needs a prefix: an absolute folder ending in '/', such as /var/log/ "
                        + "(no '.', '..' or empty segments)");
            }
        }
    }

    /** The value as it goes into the command (before quoting), or IllegalArgumentException saying why it is refused. */
    public String validate(String raw) {
        String where = "parameter " + name + " (" + type.label() + "): ";
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException(where + "a value is required");
        }
        if (raw.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(where + "at most " + MAX_VALUE_LENGTH + " characters");
        }
        String shown = "'" + printable(raw) + "'";
        return switch (type) {
            case IP -> {
                if (IpAddresses.family(raw) == 0) {
                    throw new IllegalArgumentException(where + shown + " is not an IPv4 or IPv6 address");
                }
                yield raw.toLowerCase(Locale.ROOT);
            }
            case CIDR -> cidr(raw, where, shown);
            case HOSTNAME -> {
                String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
                if (host.isEmpty() || host.length() > 253 || java.util.Arrays.stream(host.split("\\.", -1)).anyMatch(l -> !LABEL.matcher(l).matches())) {
                    throw new IllegalArgumentException(where + shown + " is not a host name (letters, digits and '-' in dot-separated labels, "
                            + "not starting or ending with '-')");
                }
                yield host.toLowerCase(Locale.ROOT);
            }
            case USERNAME -> {
                if (!USERNAME.matcher(raw).matches()) {
                    throw new IllegalArgumentException(where + shown + " is not a user name (lower case letters, digits, '_', '.', '-', "
                            + "starting with a letter or '_', at most 32)");
                }
                yield raw;
            }
            case INTEGER -> {
                if (!INTEGER.matcher(raw).matches()) {
                    throw new IllegalArgumentException(where + shown + " is not a whole number");
                }
                long n = Long.parseLong(raw);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(where + raw + " is outside " + min + ".." + max);
                }
                yield raw;
            }
            case ENUM -> {
                if (!values.contains(raw)) {
                    throw new IllegalArgumentException(where + shown + " is not one of " + String.join(", ", values));
                }
                yield raw;
            }
            case PATH -> {
                if (!raw.startsWith(prefix) || raw.length() == prefix.length() || !segmentsValid(raw.substring(1))) {
                    throw new IllegalArgumentException(where + shown + " must be a path under " + prefix
                            + " (letters, digits and _ @ + = , . - in its segments; no '.', '..' or empty segments)");
                }
                yield raw;
            }
        };
    }

    private static String cidr(String raw, String where, String shown) {
        int slash = raw.indexOf('/');
        String address = slash < 0 ? raw : raw.substring(0, slash);
        String length = slash < 0 ? "" : raw.substring(slash + 1);
        int family = IpAddresses.family(address);
        if (family == 0 || !length.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(length) > (family == 4 ? 32 : 128)) {
            throw new IllegalArgumentException(where + shown + " is not a network such as 192.0.2.0/24 or 2001:db8::/32");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    private static boolean segmentsValid(String relative) {
        if (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        for (String segment : relative.split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Control characters shown as escapes, so a refusal message cannot carry a newline or a terminal sequence. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        for (char c : cut.toCharArray()) {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** How the parameter is described in listings: {@code ip}, {@code integer 1..65535}, {@code enum tcp|udp}, {@code path under /var/log/}. */
    public String describe() {
        return switch (type) {
            case INTEGER -> "integer " + min + ".." + max;
            case ENUM -> "enum " + String.join("|", values);
            case PATH -> "path under " + prefix;
            default -> type.label();
        };
    }

    static List<String> namesOf(List<TemplateParameter> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }
}
