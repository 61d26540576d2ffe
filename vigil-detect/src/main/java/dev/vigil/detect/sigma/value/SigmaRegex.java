package dev.vigil.detect.sigma.value;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code re}: a regular expression searched (not fully matched) in the field value; case-sensitive unless the {@code i}
 * sub-modifier is given. Python-only syntax used by Sigma rules ({@code (?P<name>..)}) is translated to Java's.
 */
public record SigmaRegex(String source, int flags) implements SigmaValue {

    public SigmaRegex withFlag(int flag) {
        return new SigmaRegex(source, flags | flag);
    }

    /** Compiles the expression; throws {@link SigmaValueException} with the regex error. */
    public Pattern compile() {
        String java = source.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new SigmaValueException("invalid regular expression '" + source + "': " + e.getDescription());
        }
    }
}
