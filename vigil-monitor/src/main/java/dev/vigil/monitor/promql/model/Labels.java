package dev.vigil.monitor.promql.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** An immutable, name-sorted label set; empty values are never stored (Prometheus treats them as absent). */
public final class Labels implements Comparable<Labels> {

    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new TreeMap<>());

    private final TreeMap<String, String> map;

    private Labels(TreeMap<String, String> map) {
        this.map = map;
    }

    public static Labels of(Map<String, String> values) {
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                copy.put(k, v);
            }
        });
        return new Labels(copy);
    }

    public static Labels of(String... keyValues) {
        TreeMap<String, String> copy = new TreeMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (!keyValues[i + 1].isEmpty()) {
                copy.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return new Labels(copy);
    }

    /** The value of a label, or "" when absent. */
    public String get(String name) {
        return map.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return map.containsKey(name);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(map);
    }

    public int size() {
        return map.size();
    }

    public Labels with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        if (value == null || value.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Labels(copy);
    }

    public Labels without(Collection<String> names) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        copy.keySet().removeAll(names);
        return new Labels(copy);
    }

    public Labels withoutName() {
        return map.containsKey(METRIC_NAME) ? without(java.util.List.of(METRIC_NAME)) : this;
    }

    public Labels keepOnly(Collection<String> names) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        copy.keySet().retainAll(names);
        return new Labels(copy);
    }

    /** Prometheus text form: {@code name{a="b"}} or {@code {a="b"}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        String name = map.get(METRIC_NAME);
        if (name != null) {
            out.append(name);
        }
        StringBuilder inner = new StringBuilder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey().equals(METRIC_NAME)) {
                continue;
            }
            if (!inner.isEmpty()) {
                inner.append(", ");
            }
            inner.append(e.getKey()).append("=").append(quote(e.getValue()));
        }
        if (!inner.isEmpty() || name == null) {
            out.append('{').append(inner).append('}');
        }
        return out.toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Labels l && l.map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public int compareTo(Labels other) {
        Iterator<Map.Entry<String, String>> a = map.entrySet().iterator();
        Iterator<Map.Entry<String, String>> b = other.map.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<String, String> x = a.next();
            Map.Entry<String, String> y = b.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c != 0) {
                return c;
            }
            c = x.getValue().compareTo(y.getValue());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }
}
