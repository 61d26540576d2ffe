package dev.vigil.detect.sigma.match;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.value.SigmaString;
import dev.vigil.detect.sigma.value.StringToken;

/**
 * A Sigma string with wildcards compiled for matching without regular expressions. The pattern is split at {@code *}
 * into segments; the first is anchored at the start, the last at the end, and each middle segment is searched leftmost
 * (which is optimal for {@code *}-only gaps, so no backtracking is needed). A segment element is a literal character, any
 * character ({@code ?}) or a choice of characters.
 */
final class GlobPattern {

    private static final char ONE = 0;
    private static final char CHOICE = 1;
    private static final char LITERAL = 2;

    private final Segment[] segments;
    private final boolean leadingAny;
    private final boolean trailingAny;
    private final int minLength;

    private record Segment(char[] kinds, char[] chars, String[] choices) {
        int length() {
            return kinds.length;
        }

        boolean matchesAt(String value, int offset) {
            for (int i = 0; i < kinds.length; i++) {
                char c = value.charAt(offset + i);
                switch (kinds[i]) {
                    case LITERAL -> {
                        if (c != chars[i]) {
                            return false;
                        }
                    }
                    case CHOICE -> {
                        if (choices[i].indexOf(c) < 0) {
                            return false;
                        }
                    }
                    default -> {
                    }
                }
            }
            return true;
        }
    }

    GlobPattern(SigmaString pattern, boolean fold) {
        List<StringToken> tokens = pattern.tokens();
        leadingAny = !tokens.isEmpty() && tokens.get(0) instanceof StringToken.AnyChars;
        trailingAny = !tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof StringToken.AnyChars;
        List<Segment> out = new ArrayList<>();
        StringBuilder kinds = new StringBuilder();
        StringBuilder chars = new StringBuilder();
        List<String> choices = new ArrayList<>();
        for (StringToken token : tokens) {
            switch (token) {
                case StringToken.AnyChars a -> {
                    out.add(segment(kinds, chars, choices));
                    kinds.setLength(0);
                    chars.setLength(0);
                    choices.clear();
                }
                case StringToken.Literal l -> {
                    String text = fold ? FieldValue.fold(l.text()) : l.text();
                    for (int i = 0; i < text.length(); i++) {
                        kinds.append(LITERAL);
                        chars.append(text.charAt(i));
                        choices.add(null);
                    }
                }
                case StringToken.OneChar o -> {
                    kinds.append(ONE);
                    chars.append(' ');
                    choices.add(null);
                }
                case StringToken.CharChoice c -> {
                    kinds.append(CHOICE);
                    chars.append(' ');
                    choices.add(fold ? FieldValue.fold(c.chars()) : c.chars());
                }
                case StringToken.Placeholder p ->
                        throw new IllegalArgumentException("unresolved placeholder %" + p.name() + "%");
            }
        }
        out.add(segment(kinds, chars, choices));
        segments = out.toArray(Segment[]::new);
        minLength = out.stream().mapToInt(Segment::length).sum();
    }

    private static Segment segment(StringBuilder kinds, StringBuilder chars, List<String> choices) {
        return new Segment(kinds.toString().toCharArray(), chars.toString().toCharArray(), choices.toArray(String[]::new));
    }

    boolean matches(String value) {
        int length = value.length();
        if (length < minLength) {
            return false;
        }
        if (segments.length == 1) {
            return length == segments[0].length() && segments[0].matchesAt(value, 0);
        }
        Segment first = segments[0];
        if (!first.matchesAt(value, 0)) {
            return false;
        }
        Segment last = segments[segments.length - 1];
        int end = length - last.length();
        if (!last.matchesAt(value, end)) {
            return false;
        }
        int position = first.length();
        for (int s = 1; s < segments.length - 1; s++) {
            Segment segment = segments[s];
            int found = -1;
            for (int offset = position; offset + segment.length() <= end; offset++) {
                if (segment.matchesAt(value, offset)) {
                    found = offset;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return position <= end;
    }

    @Override
    public String toString() {
        return (leadingAny ? "*" : "") + segments.length + " segments" + (trailingAny ? "*" : "");
    }
}
