package dev.vigil.intel.stix.share;

import java.util.Locale;
import java.util.Optional;

/**
 * The Traffic Light Protocol 2.0 levels with the marking-definition ids OASIS publishes for them (TLP 2.0 extension
 * of STIX 2.1, extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d), so every receiver recognises the marking.
 * Declared from the least to the most restricted.
 */
public enum TlpMarking {
    CLEAR("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    public static final String EXTENSION_DEFINITION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The {@code created} of the published TLP 2.0 marking objects. */
    public static final String CREATED = "2022-10-01T00:00:00.000Z";

    private final String label;
    private final String id;

    TlpMarking(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** {@code clear}, {@code green}, {@code amber}, {@code amber+strict} or {@code red}. */
    public String label() {
        return label;
    }

    /** The marking-definition id. */
    public String id() {
        return id;
    }

    /** {@code TLP:AMBER+STRICT} and so on. */
    public String displayName() {
        return "TLP:" + label.toUpperCase(Locale.ROOT);
    }

    /** Reads a level: the labels above, with or without "tlp:", any case; {@code white} is TLP 1.0's {@code clear}. */
    public static Optional<TlpMarking> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String label = text.strip().toLowerCase(Locale.ROOT);
        label = label.startsWith("tlp:") ? label.substring(4) : label;
        label = label.equals("white") ? "clear" : label;
        for (TlpMarking marking : values()) {
            if (marking.label.equals(label)) {
                return Optional.of(marking);
            }
        }
        return Optional.empty();
    }

    /** The level a marking-definition id stands for, if it is one of the TLP 2.0 ids. */
    public static Optional<TlpMarking> fromId(String id) {
        for (TlpMarking marking : values()) {
            if (marking.id.equals(id)) {
                return Optional.of(marking);
            }
        }
        return Optional.empty();
    }
}
