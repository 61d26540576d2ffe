package dev.vigil.bastion.policy;

import java.util.Locale;

/** What a rule does with a command, from the mildest to the strictest. */
public enum CommandAction {
    ALLOW, WARN, REVIEW, DENY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommandAction of(String label) {
        for (CommandAction action : values()) {
            if (action.label().equals(label)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + label + "'; known: allow, warn, review, deny");
    }

    public CommandAction stricter(CommandAction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
