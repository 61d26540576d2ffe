package dev.vigil.detect.sigma.value;

/** One piece of a {@link SigmaString}: literal text, a wildcard, a character choice or an unresolved placeholder. */
public sealed interface StringToken {

    /** Literal text (never empty). */
    record Literal(String text) implements StringToken {
    }

    /** {@code *}: any run of characters, including none. */
    record AnyChars() implements StringToken {
    }

    /** {@code ?}: exactly one character. */
    record OneChar() implements StringToken {
    }

    /** Exactly one character out of {@code chars} (used by {@code windash} instead of expanding every combination). */
    record CharChoice(String chars) implements StringToken {
    }

    /** {@code %name%} under the {@code expand} modifier, to be replaced by configured values. */
    record Placeholder(String name) implements StringToken {
    }

    AnyChars ANY = new AnyChars();
    OneChar ONE = new OneChar();
}
