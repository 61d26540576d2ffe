package dev.vigil.detect.sigma.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.detect.sigma.value.StringToken.CharChoice;
import dev.vigil.detect.sigma.value.StringToken.Literal;
import dev.vigil.detect.sigma.value.StringToken.Placeholder;

/**
 * The modifiers of one detection item ({@code Field|contains|all}), applied left to right to each raw value. List
 * modifiers ({@code all}) and item modifiers ({@code neq}) are exposed as flags; the others transform the value.
 */
public final class ModifierChain {

    private static final Pattern WINDASH = Pattern.compile("\\B[-/]\\b");
    private static final String DASHES = "-/\u2013\u2014\u2015";
    private static final Pattern PLACEHOLDER = Pattern.compile("(\\\\)?%([A-Za-z0-9_.\\-]+)%");
    private static final Set<ValueModifier> FIRST_ONLY = EnumSet.of(ValueModifier.RE, ValueModifier.CIDR,
            ValueModifier.EXISTS, ValueModifier.FIELDREF, ValueModifier.LT, ValueModifier.LTE, ValueModifier.GT,
            ValueModifier.GTE);
    private static final Set<ValueModifier> DATE_PARTS = EnumSet.of(ValueModifier.MINUTE, ValueModifier.HOUR,
            ValueModifier.DAY, ValueModifier.WEEK, ValueModifier.MONTH, ValueModifier.YEAR);

    private final List<ValueModifier> transforms;
    private final boolean all;
    private final boolean negated;

    private ModifierChain(List<ValueModifier> transforms, boolean all, boolean negated) {
        this.transforms = transforms;
        this.all = all;
        this.negated = negated;
    }

    /**
     * Validates modifier names and their order.
     *
     * @throws SigmaValueException for unknown, misplaced or unsupported modifiers
     */
    public static ModifierChain parse(List<String> names) {
        List<ValueModifier> transforms = new ArrayList<>();
        boolean all = false;
        boolean negated = false;
        for (String name : names) {
            ValueModifier modifier = ValueModifier.byName(name)
                    .orElseThrow(() -> new SigmaValueException("unknown modifier '" + name + "'"));
            if (DATE_PARTS.contains(modifier)) {
                throw new SigmaValueException("modifier '" + name + "' (date part) is not supported by this engine");
            }
            switch (modifier) {
                case ALL -> all = true;
                case NEQ -> negated = true;
                default -> {
                    if (FIRST_ONLY.contains(modifier) && !transforms.isEmpty()) {
                        throw new SigmaValueException("modifier '" + name + "' must come before '"
                                + transforms.get(0).ruleName() + "'");
                    }
                    if (transforms.contains(modifier)) {
                        throw new SigmaValueException("modifier '" + name + "' is given twice");
                    }
                    transforms.add(modifier);
                }
            }
        }
        return new ModifierChain(List.copyOf(transforms), all, negated);
    }

    /** {@code all}: the values are AND-linked. */
    public boolean all() {
        return all;
    }

    /** {@code neq}: the whole item is negated (as pySigma does). */
    public boolean negated() {
        return negated;
    }

    public boolean isEmpty() {
        return transforms.isEmpty() && !all && !negated;
    }

    /** Applies the chain to one value as written in the rule. */
    public SigmaValue apply(RawScalar raw) {
        if (raw.kind() == RawScalar.Kind.NULL) {
            if (!transforms.isEmpty() && transforms.get(0) != ValueModifier.CASED) {
                throw new SigmaValueException("null value cannot take modifier '" + transforms.get(0).ruleName() + "'");
            }
            return new SigmaNull();
        }
        SigmaValue value = null;
        for (ValueModifier modifier : transforms) {
            value = switch (modifier) {
                case RE -> new SigmaRegex(raw.text(), 0);
                case CIDR -> SigmaCidr.parse(raw.text());
                case EXISTS -> exists(raw);
                case FIELDREF -> new SigmaFieldRef(raw.text(), false, false);
                case LT, LTE, GT, GTE -> comparison(modifier, raw);
                case IGNORECASE -> regex(value, modifier).withFlag(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case MULTILINE -> regex(value, modifier).withFlag(Pattern.MULTILINE);
                case DOTALL -> regex(value, modifier).withFlag(Pattern.DOTALL);
                case EXPAND -> expand(value == null ? asString(raw) : requireString(value, modifier));
                default -> transform(value == null ? asString(raw) : value, modifier);
            };
        }
        if (value instanceof SigmaRegex regex) {
            regex.compile();
        }
        return value == null ? asString(raw) : value;
    }

    private static SigmaString asString(RawScalar raw) {
        return raw.kind() == RawScalar.Kind.STRING ? SigmaString.parse(raw.text()) : SigmaString.literal(raw.text());
    }

    private SigmaValue transform(SigmaValue value, ValueModifier modifier) {
        if (value instanceof SigmaExpansion expansion) {
            return new SigmaExpansion(expansion.alternatives().stream().map(v -> transform(v, modifier)).toList());
        }
        return switch (modifier) {
            case CONTAINS -> onStringOrRef(value, modifier,
                    s -> s.withLeadingWildcard().withTrailingWildcard(), r -> r.withAnyPrefix().withAnySuffix());
            case STARTSWITH -> onStringOrRef(value, modifier, SigmaString::withTrailingWildcard, SigmaFieldRef::withAnySuffix);
            case ENDSWITH -> onStringOrRef(value, modifier, SigmaString::withLeadingWildcard, SigmaFieldRef::withAnyPrefix);
            case CASED -> requireString(value, modifier).withCased();
            case WINDASH -> requireString(value, modifier).mapLiterals(ModifierChain::windash);
            case BASE64 -> SigmaString.literal(base64(plain(value, modifier)));
            case BASE64OFFSET -> base64Offsets(plain(value, modifier));
            case UTF16LE -> utf16(value, modifier, false, false);
            case UTF16BE -> utf16(value, modifier, true, false);
            case UTF16 -> utf16(value, modifier, false, true);
            default -> throw new IllegalStateException("not a transform: " + modifier);
        };
    }

    private static SigmaValue onStringOrRef(SigmaValue value, ValueModifier modifier, UnaryOperator<SigmaString> onString,
            UnaryOperator<SigmaFieldRef> onRef) {
        return switch (value) {
            case SigmaString s -> onString.apply(s);
            case SigmaFieldRef r -> onRef.apply(r);
            // a regex is searched anywhere in the value already, so the wildcard modifiers change nothing
            case SigmaRegex r -> r;
            default -> throw new SigmaValueException("modifier '" + modifier.ruleName() + "' needs a string value");
        };
    }

    private static SigmaString requireString(SigmaValue value, ValueModifier modifier) {
        if (value instanceof SigmaString s) {
            return s;
        }
        throw new SigmaValueException("modifier '" + modifier.ruleName() + "' needs a string value");
    }

    private static SigmaRegex regex(SigmaValue value, ValueModifier modifier) {
        if (value instanceof SigmaRegex r) {
            return r;
        }
        throw new SigmaValueException("modifier '" + modifier.ruleName() + "' is only allowed after 're'");
    }

    private static String plain(SigmaValue value, ValueModifier modifier) {
        SigmaString s = requireString(value, modifier);
        if (!s.isPlain()) {
            throw new SigmaValueException("modifier '" + modifier.ruleName() + "' does not allow wildcards");
        }
        return s.plainText();
    }

    private static SigmaExists exists(RawScalar raw) {
        if (raw.kind() != RawScalar.Kind.BOOLEAN) {
            throw new SigmaValueException("modifier 'exists' needs true or false, got '" + raw.text() + "'");
        }
        return new SigmaExists(Boolean.parseBoolean(raw.text().toLowerCase(Locale.ROOT)));
    }

    private static SigmaNumberComparison comparison(ValueModifier modifier, RawScalar raw) {
        try {
            return new SigmaNumberComparison(SigmaNumberComparison.Operator.valueOf(modifier.name()),
                    new BigDecimal(raw.text().strip()));
        } catch (NumberFormatException e) {
            throw new SigmaValueException("modifier '" + modifier.ruleName() + "' needs a number, got '" + raw.text() + "'");
        }
    }

    private static List<StringToken> windash(String text) {
        List<StringToken> out = new ArrayList<>();
        Matcher m = WINDASH.matcher(text);
        int last = 0;
        while (m.find()) {
            out.add(new Literal(text.substring(last, m.start())));
            out.add(new CharChoice(DASHES));
            last = m.end();
        }
        out.add(new Literal(text.substring(last)));
        return out;
    }

    private static SigmaString expand(SigmaString value) {
        return value.mapLiterals(text -> {
            List<StringToken> out = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int last = 0;
            while (m.find()) {
                out.add(new Literal(text.substring(last, m.start())));
                if (m.group(1) != null) {
                    // \%name% is literal text; the closing % may open the next placeholder
                    out.add(new Literal("%" + m.group(2)));
                    last = m.end() - 1;
                    m.region(last, text.length());
                } else {
                    out.add(new Placeholder(m.group(2)));
                    last = m.end();
                }
            }
            out.add(new Literal(text.substring(last)));
            return out;
        });
    }

    /*
     * After a utf16 modifier each char of the string stands for one byte (the reference implementation does the same), so
     * such strings are base64-encoded byte by byte; ordinary text is encoded as UTF-8.
     */
    private static byte[] bytesOf(String text) {
        if (text.indexOf('\0') >= 0 && text.chars().allMatch(c -> c <= 0xFF)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(bytesOf(text));
    }

    private static SigmaExpansion base64Offsets(String text) {
        byte[] bytes = bytesOf(text);
        int[] startOffsets = {0, 2, 3};
        int[] endTrims = {0, 3, 2};
        List<SigmaValue> alternatives = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endTrims[(bytes.length + shift) % 3];
            int start = startOffsets[shift];
            alternatives.add(SigmaString.literal(start < end ? encoded.substring(start, end) : ""));
        }
        return new SigmaExpansion(alternatives);
    }

    private static SigmaString utf16(SigmaValue value, ValueModifier modifier, boolean bigEndian, boolean bom) {
        SigmaString s = requireString(value, modifier);
        for (StringToken token : s.tokens()) {
            if (token instanceof Literal l && !l.text().chars().allMatch(c -> c < 0x80)) {
                throw new SigmaValueException("modifier '" + modifier.ruleName() + "' is only allowed for ASCII strings");
            }
        }
        SigmaString encoded = s.mapLiterals(text -> {
            StringBuilder sb = new StringBuilder(text.length() * 2);
            for (int i = 0; i < text.length(); i++) {
                if (bigEndian) {
                    sb.append('\0').append(text.charAt(i));
                } else {
                    sb.append(text.charAt(i)).append('\0');
                }
            }
            return List.of(new Literal(sb.toString()));
        });
        if (!bom) {
            return encoded;
        }
        List<StringToken> withBom = new ArrayList<>();
        withBom.add(new Literal("\u00FF\u00FE"));
        withBom.addAll(encoded.tokens());
        return new SigmaString(withBom, encoded.cased());
    }
}
