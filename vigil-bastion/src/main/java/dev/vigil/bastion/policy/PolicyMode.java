package dev.vigil.bastion.policy;

/**
 * {@code DENY_LIST}: commands run unless a rule says otherwise (and, when rules exist, unless the analyser cannot see
 * what runs). {@code RESTRICTED}: an allow-list: every command must match an allow (or warn) rule, and no shell syntax,
 * escape hatch or uncertainty is admitted.
 */
public enum PolicyMode {
    DENY_LIST("deny-list"), RESTRICTED("restricted");

    private final String label;

    PolicyMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PolicyMode of(String label) {
        for (PolicyMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + label + "'; known: deny-list, restricted");
    }
}
