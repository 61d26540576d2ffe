package dev.vigil.intel.stix.evaluate;

import dev.vigil.intel.canonical.DomainNames;
import dev.vigil.intel.canonical.EmailAddresses;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;
import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;
import dev.vigil.intel.canonical.UrlNormalizer;
import dev.vigil.intel.stix.pattern.ComparisonExpression.Operator;
import dev.vigil.intel.stix.pattern.Literal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compares one observed property value with a pattern literal. Strings compare the way a SOC expects for the kind of
 * value they hold: addresses by value (a CIDR literal with {@code =} means containment, as real indicators use it),
 * domains, e-mail addresses and hashes case-insensitively, URLs after normalisation; anything else exactly.
 */
final class ObservedValueComparison {

    /** What the compared property holds, decided from the object type and path. */
    enum ValueKind { ADDRESS, DOMAIN, URL, EMAIL, HASH, OTHER }

    private ObservedValueComparison() {
    }

    static boolean test(ValueKind kind, Object actual, Operator operator, Literal literal) throws NotEvaluableException {
        return switch (operator) {
            case EQ -> equal(kind, actual, literal);
            case NEQ -> !equal(kind, actual, literal);
            case LT, LE, GT, GE -> order(actual, operator, literal);
            case IN -> {
                for (Literal element : ((Literal.SetValue) literal).elements()) {
                    if (equal(kind, actual, element)) {
                        yield true;
                    }
                }
                yield false;
            }
            case LIKE -> actual instanceof String text
                    && like(((Literal.StringValue) literal).value()).matcher(canonical(kind, text)).matches();
            case MATCHES -> actual instanceof String text
                    && regex(((Literal.StringValue) literal).value()).matcher(canonical(kind, text)).find();
            case ISSUBSET -> actual instanceof String text && subset(text, ((Literal.StringValue) literal).value());
            case ISSUPERSET -> actual instanceof String text && subset(((Literal.StringValue) literal).value(), text);
        };
    }

    /** Text matching (LIKE, MATCHES) sees domains, e-mail addresses and URLs in their canonical spelling. */
    private static String canonical(ValueKind kind, String text) {
        String canonical = switch (kind) {
            case DOMAIN -> DomainNames.canonicalize(text);
            case EMAIL -> EmailAddresses.canonicalize(text);
            case URL -> UrlNormalizer.normalize(text);
            default -> text;
        };
        return canonical == null ? text : canonical;
    }

    private static boolean equal(ValueKind kind, Object actual, Literal literal) {
        return switch (literal) {
            case Literal.StringValue string when actual instanceof String text -> equalStrings(kind, text, string.value());
            case Literal.IntegerValue integer when actual instanceof Long number ->
                    integer.value().equals(java.math.BigInteger.valueOf(number));
            case Literal.FloatValue floating when actual instanceof Long number ->
                    floating.value().compareTo(BigDecimal.valueOf(number)) == 0;
            case Literal.BooleanValue bool -> Objects.equals(actual, bool.value());
            default -> false;
        };
    }

    private static boolean equalStrings(ValueKind kind, String actual, String expected) {
        return switch (kind) {
            case ADDRESS -> expected.indexOf('/') >= 0 ? subset(actual, expected) : sameAddress(actual, expected);
            case DOMAIN -> Objects.equals(DomainNames.canonicalize(actual), DomainNames.canonicalize(expected));
            case URL -> Objects.equals(UrlNormalizer.normalize(actual), UrlNormalizer.normalize(expected));
            case EMAIL -> Objects.equals(EmailAddresses.canonicalize(actual), EmailAddresses.canonicalize(expected));
            case HASH -> actual.strip().equalsIgnoreCase(expected.strip());
            case OTHER -> actual.equals(expected);
        };
    }

    private static boolean sameAddress(String actual, String expected) {
        long v4 = Ipv4.parse(actual.strip());
        if (v4 != Ipv4.INVALID) {
            return v4 == Ipv4.parse(expected.strip());
        }
        Ipv6 v6 = Ipv6.parse(actual.strip());
        return v6 != null ? v6.equals(Ipv6.parse(expected.strip())) : actual.equals(expected);
    }

    /** Whether the address or network {@code inner} lies within the network {@code outer} (same family only). */
    private static boolean subset(String inner, String outer) {
        Ipv4Network v4Outer = Ipv4Network.parse(outer.strip());
        Ipv4Network v4Inner = Ipv4Network.parse(inner.strip());
        if (v4Outer != null && v4Inner != null) {
            return v4Inner.prefixLength() >= v4Outer.prefixLength() && v4Outer.contains(v4Inner.network());
        }
        Ipv6Network v6Outer = Ipv6Network.parse(outer.strip());
        Ipv6Network v6Inner = Ipv6Network.parse(inner.strip());
        return v6Outer != null && v6Inner != null && v6Inner.prefixLength() >= v6Outer.prefixLength()
                && v6Outer.contains(v6Inner.network());
    }

    private static boolean order(Object actual, Operator operator, Literal literal) {
        int comparison;
        if (actual instanceof Long number && literal instanceof Literal.IntegerValue integer) {
            comparison = java.math.BigInteger.valueOf(number).compareTo(integer.value());
        } else if (actual instanceof Long number && literal instanceof Literal.FloatValue floating) {
            comparison = BigDecimal.valueOf(number).compareTo(floating.value());
        } else if (actual instanceof String text && literal instanceof Literal.StringValue string) {
            comparison = text.compareTo(string.value());
        } else {
            return false;
        }
        return switch (operator) {
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            default -> comparison >= 0;
        };
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, everything else literal. */
    private static Pattern like(String expression) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Pattern regex(String expression) throws NotEvaluableException {
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new NotEvaluableException("MATCHES expression is not a valid regular expression: "
                    + e.getDescription().toLowerCase(Locale.ROOT) + " in '" + expression + "'");
        }
    }
}
