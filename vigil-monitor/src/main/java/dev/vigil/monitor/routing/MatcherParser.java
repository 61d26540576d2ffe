package dev.vigil.monitor.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses Alertmanager's matcher strings: {@code name="value"}, {@code name!~"re"}, unquoted values, and
 * comma-separated lists optionally wrapped in braces ({@code {a="1", b=~"x|y"}}), as in one {@code matchers:} entry.
 */
public final class MatcherParser {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** The matcher syntax also accepts colons in names (Alertmanager's parser does). */
    private static final Pattern MATCHER_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MatcherParser() {
    }

    static boolean isLabelName(String name) {
        return name != null && LABEL_NAME.matcher(name).matches();
    }

    static boolean isMatcherName(String name) {
        return name != null && MATCHER_NAME.matcher(name).matches();
    }

    /** Parses one matcher or a comma-separated list; throws IllegalArgumentException naming the problem. */
    public static List<Matcher> parseAll(String text) {
        String body = text.strip();
        // Like Alertmanager, each brace is optional on its own.
        if (body.startsWith("{")) {
            body = body.substring(1);
        }
        if (body.endsWith("}")) {
            body = body.substring(0, body.length() - 1);
        }
        List<Matcher> out = new ArrayList<>();
        for (String part : splitOutsideQuotes(body)) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty() && !body.isBlank()) {
            throw new IllegalArgumentException("no matcher in \"" + text + "\"");
        }
        return out;
    }

    /** Parses exactly one matcher. */
    public static Matcher parse(String text) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
            i++;
        }
        String name = s.substring(0, i);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("bad matcher format: \"" + text + "\" (expected name, operator, value)");
        }
        String rest = s.substring(i).stripLeading();
        Matcher.Type type = null;
        for (Matcher.Type candidate : new Matcher.Type[] {Matcher.Type.REGEX, Matcher.Type.NOT_REGEX, Matcher.Type.NOT_EQUAL, Matcher.Type.EQUAL}) {
            if (rest.startsWith(candidate.symbol())) {
                type = candidate;
                break;
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("bad matcher format: \"" + text + "\" (expected one of =, !=, =~, !~)");
        }
        String raw = rest.substring(type.symbol().length()).strip();
        if (!isMatcherName(name)) {
            throw new IllegalArgumentException("invalid label name \"" + name + "\"");
        }
        return Matcher.create(name, type, unquote(raw, text));
    }

    private static String unquote(String raw, String text) {
        if (!raw.startsWith("\"")) {
            if (raw.contains("\"")) {
                throw new IllegalArgumentException("bad matcher value in \"" + text + "\" (unbalanced quote)");
            }
            return raw;
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw new IllegalArgumentException("bad matcher value in \"" + text + "\" (missing closing quote)");
        }
        StringBuilder out = new StringBuilder();
        String inner = raw.substring(1, raw.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char next = inner.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case '"', '\\' -> next;
                    default -> throw new IllegalArgumentException("bad escape \\" + next + " in \"" + text + "\"");
                });
            } else if (c == '"' || c == '\\') {
                throw new IllegalArgumentException("bad matcher value in \"" + text + "\" (unescaped " + c + ")");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitOutsideQuotes(String body) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted && c == '\\' && i + 1 < body.length()) {
                current.append(c).append(body.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("missing closing quote in \"" + body + "\"");
        }
        parts.add(current.toString());
        return parts;
    }
}
