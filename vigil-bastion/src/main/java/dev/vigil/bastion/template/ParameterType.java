package dev.vigil.bastion.template;

import java.util.Locale;

/** The types a command template's parameter can have; {@link TemplateParameter} validates values against them. */
public enum ParameterType {
    IP("ip"), CIDR("cidr"), HOSTNAME("hostname"), USERNAME("username"), INTEGER("integer"), ENUM("enum"), PATH("path");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ParameterType of(String label) {
        for (ParameterType type : values()) {
            if (type.label.equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown parameter type '" + label + "'; known: ip, cidr, hostname, username, integer, enum, path");
    }
}
