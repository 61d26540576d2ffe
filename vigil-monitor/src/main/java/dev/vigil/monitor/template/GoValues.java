package dev.vigil.monitor.template;

import dev.vigil.monitor.gocompat.GoFloat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How template values print ({@code %v}), test truthiness and convert to numbers, following Go's rules. */
public final class GoValues {

    /** Printed for a missing map key, as Go's text/template does. */
    public static final String NO_VALUE = "<no value>";

    private GoValues() {
    }

    public static String print(Object v) {
        return switch (v) {
            case null -> NO_VALUE;
            case String s -> s;
            case Double d -> GoFloat.formatShortest(d);
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("map[");
                boolean first = true;
                for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                    if (!first) {
                        out.append(' ');
                    }
                    first = false;
                    out.append(print(e.getKey())).append(':').append(print(e.getValue()));
                }
                yield out.append(']').toString();
            }
            case List<?> l -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < l.size(); i++) {
                    out.append(i > 0 ? " " : "").append(print(l.get(i)));
                }
                yield out.append(']').toString();
            }
            default -> v.toString();
        };
    }

    public static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Double d -> d != 0;
            case Long l -> l != 0;
            case Map<?, ?> m -> !m.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> true;
        };
    }

    /** Prometheus's convertToFloat: numbers, and strings that parse as numbers. */
    public static double toFloat(Object v) {
        return switch (v) {
            case Double d -> d;
            case Long l -> l;
            case Integer i -> i;
            case String s -> {
                try {
                    yield Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new TemplateException("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
                }
            }
            case null -> throw new TemplateException("can't convert <nil> to float");
            default -> throw new TemplateException("can't convert " + goType(v) + " to float");
        };
    }

    public static String goType(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case String s -> "string";
            case Double d -> "float64";
            case Long l -> "int";
            case Boolean b -> "bool";
            case Map<?, ?> m -> "map[string]string";
            default -> v.getClass().getSimpleName();
        };
    }
}
