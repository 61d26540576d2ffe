package dev.vigil.intel.stix.pattern;

import java.util.List;

/** {@code object-type:property(.key|[n]|[*])*}; the first step is always a property name. */
public record ObjectPath(String objectType, List<Step> steps) {

    public ObjectPath {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {
    }

    /** A property or dictionary key (quoted keys are stored unquoted and unescaped). */
    public record Property(String name) implements Step {
    }

    /** A list index; negative indexes are allowed by the grammar. */
    public record Index(long index) implements Step {
    }

    /** {@code [*]}: any element of the list. */
    public record AnyIndex() implements Step {
    }

    /** Whether the path's steps are exactly these property names (no list steps), e.g. {@code "hashes", "MD5"}. */
    public boolean isProperties(String... names) {
        if (steps.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!(steps.get(i) instanceof Property property) || !property.name().equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(objectType).append(':');
        for (int i = 0; i < steps.size(); i++) {
            switch (steps.get(i)) {
                case Property property -> out.append(i == 0 ? "" : ".").append(property.name());
                case Index index -> out.append('[').append(index.index()).append(']');
                case AnyIndex any -> out.append("[*]");
            }
        }
        return out.toString();
    }
}
