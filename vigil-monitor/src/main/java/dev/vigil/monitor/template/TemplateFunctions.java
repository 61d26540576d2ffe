package dev.vigil.monitor.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.vigil.monitor.gocompat.GoRegexExpand;
import dev.vigil.monitor.promql.parse.Durations;

/** The template functions Prometheus offers in rule templates (minus {@code query} and its helpers) plus Go built-ins. */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static Object call(String name, List<Object> args) {
        return switch (name) {
            case "humanize" -> Humanizer.humanize(GoValues.toFloat(one(name, args)));
            case "humanize1024" -> Humanizer.humanize1024(GoValues.toFloat(one(name, args)));
            case "humanizeDuration" -> Humanizer.humanizeDuration(GoValues.toFloat(one(name, args)));
            case "humanizePercentage" -> Humanizer.humanizePercentage(GoValues.toFloat(one(name, args)));
            case "humanizeTimestamp" -> Humanizer.humanizeTimestamp(GoValues.toFloat(one(name, args)));
            case "toUpper" -> text(one(name, args)).toUpperCase(Locale.ROOT);
            case "toLower" -> text(one(name, args)).toLowerCase(Locale.ROOT);
            case "title" -> title(text(one(name, args)));
            case "safeHtml" -> text(one(name, args));
            case "stripPort" -> stripPort(text(one(name, args)));
            case "parseDuration" -> {
                try {
                    yield Durations.parse(text(one(name, args))) / 1000.0;
                } catch (IllegalArgumentException e) {
                    throw new TemplateException("parseDuration: " + e.getMessage());
                }
            }
            case "match" -> {
                arity(name, args, 2);
                yield regex(text(args.get(0))).matcher(text(args.get(1))).find();
            }
            case "reReplaceAll" -> {
                arity(name, args, 3);
                yield reReplaceAll(regex(text(args.get(0))), text(args.get(1)), text(args.get(2)));
            }
            case "printf" -> {
                if (args.isEmpty()) {
                    throw new TemplateException("wrong number of args for printf: want at least 1 got 0");
                }
                yield GoPrintf.format(text(args.getFirst()), args.subList(1, args.size()));
            }
            case "print" -> {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    boolean bothNonString = i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String);
                    out.append(bothNonString ? " " : "").append(GoValues.print(args.get(i)));
                }
                yield out.toString();
            }
            case "len" -> switch (one(name, args)) {
                case String s -> (long) s.length();
                case Map<?, ?> m -> (long) m.size();
                case List<?> l -> (long) l.size();
                default -> throw new TemplateException("len of " + GoValues.goType(args.getFirst()));
            };
            case "index" -> {
                Object current = args.isEmpty() ? null : args.getFirst();
                for (Object key : args.subList(Math.min(1, args.size()), args.size())) {
                    current = current instanceof Map<?, ?> m ? m.get(key) : null;
                }
                yield current;
            }
            case "not" -> !GoValues.truthy(one(name, args));
            case "and" -> {
                Object last = null;
                for (Object a : args) {
                    last = a;
                    if (!GoValues.truthy(a)) {
                        break;
                    }
                }
                yield last;
            }
            case "or" -> {
                Object last = null;
                for (Object a : args) {
                    last = a;
                    if (GoValues.truthy(a)) {
                        break;
                    }
                }
                yield last;
            }
            case "eq", "ne", "lt", "le", "gt", "ge" -> compare(name, args);
            default -> throw new TemplateException("function \"" + name + "\" not defined");
        };
    }

    private static Object one(String name, List<Object> args) {
        arity(name, args, 1);
        return args.getFirst();
    }

    private static void arity(String name, List<Object> args, int expected) {
        if (args.size() != expected) {
            throw new TemplateException("wrong number of args for " + name + ": want " + expected + " got " + args.size());
        }
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new TemplateException("expected string; found " + GoValues.print(v));
    }

    private static Pattern regex(String expr) {
        try {
            return Pattern.compile(expr);
        } catch (PatternSyntaxException e) {
            throw new TemplateException("error parsing regexp: " + e.getDescription() + ": `" + expr + "`");
        }
    }

    private static String reReplaceAll(Pattern pattern, String replacement, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(GoRegexExpand.expand(replacement, m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Go's strings.Title: upper-cases the first letter of each word (words are separated by non-word characters). */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean atStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || c == '_' || c == '\'';
            out.append(atStart && word ? Character.toTitleCase(c) : c);
            atStart = !word;
        }
        return out.toString();
    }

    private static String stripPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close > 0 ? hostPort.substring(1, close) : hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.indexOf(':') != colon) {
            return hostPort;
        }
        return hostPort.substring(0, colon);
    }

    private static boolean compare(String op, List<Object> args) {
        if (args.size() < 2) {
            throw new TemplateException("missing argument for comparison");
        }
        Object a = args.get(0);
        if (op.equals("eq")) {
            for (Object b : args.subList(1, args.size())) {
                if (equal(a, b)) {
                    return true;
                }
            }
            return false;
        }
        Object b = args.get(1);
        if (op.equals("ne")) {
            return !equal(a, b);
        }
        int c;
        if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else {
            c = Double.compare(GoValues.toFloat(a), GoValues.toFloat(b));
        }
        return switch (op) {
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean equal(Object a, Object b) {
        if ((a instanceof Double || a instanceof Long) && (b instanceof Double || b instanceof Long)) {
            return GoValues.toFloat(a) == GoValues.toFloat(b);
        }
        return java.util.Objects.equals(a, b);
    }
}
