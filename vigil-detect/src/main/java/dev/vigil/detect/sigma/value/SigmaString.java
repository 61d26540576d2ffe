package dev.vigil.detect.sigma.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.vigil.detect.sigma.value.StringToken.AnyChars;
import dev.vigil.detect.sigma.value.StringToken.Literal;
import dev.vigil.detect.sigma.value.StringToken.OneChar;
import dev.vigil.detect.sigma.value.StringToken.Placeholder;

/**
 * A Sigma string value as a sequence of tokens. Parsing follows the reference implementation: {@code *} and {@code ?} are
 * wildcards; a backslash escapes only {@code *}, {@code ?} and another backslash, and is a literal backslash before any
 * other character and at the end. Modifiers then work on tokens, never on text, so a value ending in a backslash does not
 * escape a wildcard added by {@code contains}.
 *
 * @param cased true for case-sensitive comparison ({@code cased} modifier)
 */
public record SigmaString(List<StringToken> tokens, boolean cased) implements SigmaValue {

    public SigmaString {
        tokens = merged(tokens);
    }

    /** Parses wildcards and escapes in a rule value. */
    public static SigmaString parse(String raw) {
        List<StringToken> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isEscapable(raw.charAt(i + 1))) {
                literal.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, tokens);
                tokens.add(c == '*' ? StringToken.ANY : StringToken.ONE);
            } else {
                literal.append(c);
            }
        }
        flush(literal, tokens);
        return new SigmaString(tokens, false);
    }

    /** A string without wildcards (used for numbers, booleans and encoded values). */
    public static SigmaString literal(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Literal(text)), false);
    }

    private static boolean isEscapable(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static void flush(StringBuilder literal, List<StringToken> tokens) {
        if (!literal.isEmpty()) {
            tokens.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private static List<StringToken> merged(List<StringToken> tokens) {
        List<StringToken> out = new ArrayList<>(tokens.size());
        for (StringToken token : tokens) {
            if (token instanceof Literal l) {
                if (l.text().isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof Literal previous) {
                    out.set(out.size() - 1, new Literal(previous.text() + l.text()));
                    continue;
                }
            }
            if (token instanceof AnyChars && !out.isEmpty() && out.get(out.size() - 1) instanceof AnyChars) {
                continue;
            }
            out.add(token);
        }
        return List.copyOf(out);
    }

    public SigmaString withCased() {
        return new SigmaString(tokens, true);
    }

    /** {@code endswith}: a leading {@code *} token unless there already is one. */
    public SigmaString withLeadingWildcard() {
        if (!tokens.isEmpty() && tokens.get(0) instanceof AnyChars) {
            return this;
        }
        List<StringToken> out = new ArrayList<>(tokens.size() + 1);
        out.add(StringToken.ANY);
        out.addAll(tokens);
        return new SigmaString(out, cased);
    }

    /** {@code startswith}: a trailing {@code *} token unless there already is one. */
    public SigmaString withTrailingWildcard() {
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof AnyChars) {
            return this;
        }
        List<StringToken> out = new ArrayList<>(tokens);
        out.add(StringToken.ANY);
        return new SigmaString(out, cased);
    }

    /** True when the value has no wildcard, choice or placeholder. */
    public boolean isPlain() {
        return tokens.stream().allMatch(Literal.class::isInstance);
    }

    public boolean hasPlaceholders() {
        return tokens.stream().anyMatch(Placeholder.class::isInstance);
    }

    /** The literal text of a plain value. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (StringToken token : tokens) {
            if (!(token instanceof Literal l)) {
                throw new SigmaValueException("value must not contain wildcards or placeholders here");
            }
            sb.append(l.text());
        }
        return sb.toString();
    }

    /** Replaces every literal token with the tokens {@code mapper} returns for its text. */
    public SigmaString mapLiterals(Function<String, List<StringToken>> mapper) {
        List<StringToken> out = new ArrayList<>();
        for (StringToken token : tokens) {
            if (token instanceof Literal l) {
                out.addAll(mapper.apply(l.text()));
            } else {
                out.add(token);
            }
        }
        return new SigmaString(out, cased);
    }

    /**
     * Substitutes placeholders with every combination of their configured values (each value parsed like a rule value).
     *
     * @throws SigmaValueException naming the first placeholder without values
     */
    public List<SigmaString> resolvePlaceholders(Map<String, List<String>> values) {
        List<List<StringToken>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (StringToken token : tokens) {
            List<List<StringToken>> alternatives;
            if (token instanceof Placeholder p) {
                List<String> configured = values.get(p.name());
                if (configured == null || configured.isEmpty()) {
                    throw new SigmaValueException("placeholder %" + p.name() + "% has no configured values");
                }
                alternatives = configured.stream().map(v -> parse(v).tokens()).toList();
            } else {
                alternatives = List.of(List.of(token));
            }
            List<List<StringToken>> next = new ArrayList<>();
            for (List<StringToken> prefix : variants) {
                for (List<StringToken> alternative : alternatives) {
                    List<StringToken> combined = new ArrayList<>(prefix);
                    combined.addAll(alternative);
                    next.add(combined);
                }
            }
            if (next.size() > 4096) {
                throw new SigmaValueException("placeholder values expand to more than 4096 combinations");
            }
            variants = next;
        }
        return variants.stream().map(t -> new SigmaString(t, cased)).toList();
    }

    /** Rule-like spelling, for messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (StringToken token : tokens) {
            switch (token) {
                case Literal l -> sb.append(l.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case AnyChars a -> sb.append('*');
                case OneChar o -> sb.append('?');
                case StringToken.CharChoice c -> sb.append('[').append(c.chars()).append(']');
                case Placeholder p -> sb.append('%').append(p.name()).append('%');
            }
        }
        return sb.toString();
    }
}
